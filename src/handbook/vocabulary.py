"""The controlled vocabulary: roles, themes and goals.

Records name these by key; pages show the label. One place, so that the
validation, the JSON Schema and the catalogue filters all agree.
"""

ROLES: dict[str, str] = {
    "jeugdprofessional": "Jeugdprofessional",
    "student": "Student",
    "docent": "Docent",
    "onderzoeker": "Onderzoeker",
    "ervaringsdeskundige": "Ervaringsdeskundige of gezin",
    "leidinggevende": "Leidinggevende",
}

THEMES: dict[str, str] = {
    "aansluiting-onderwijs-praktijk": "Aansluiting onderwijs en praktijk",
    "stage": "Stage en stagebegeleiding",
    "ketensamenwerking": "Samenwerken in de keten",
    "ervaringskennis": "Ervaringskennis van jongeren en ouders",
    "onderzoek": "Onderzoek in de praktijk",
    "deskundigheid": "Deskundigheidsbevordering",
    "onderwijsontwikkeling": "Onderwijs ontwikkelen",
    "leernetwerk": "Leernetwerken",
    "werkplezier": "Werkplezier en behoud van collega's",
    "kindermishandeling": "Kindermishandeling en veiligheid",
    "multiproblematiek": "Multiproblematiek",
    "ethiek": "Morele vragen en dilemma's",
    "netwerkgericht-werken": "Netwerkgericht werken",
}

GOALS: dict[str, str] = {
    "kennismaken": "Elkaars werk leren kennen",
    "kennis-delen": "Kennis en ervaring delen",
    "reflecteren": "Reflecteren op je eigen handelen",
    "samen-ontwikkelen": "Samen iets nieuws ontwikkelen",
    "perspectief-clienten": "Het perspectief van jongeren en ouders horen",
    "netwerk-opbouwen": "Een netwerk opbouwen",
    "casus-verdiepen": "Een casus of dilemma uitdiepen",
    "bijblijven": "Bijblijven met praktijk en onderzoek",
}
