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
    "praktijkbegeleider": "Praktijkbegeleider",
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

KINDS: dict[str, str] = {
    "activiteit": "Eenmalige activiteit",
    "reeks": "Reeks bijeenkomsten",
    "samenwerking": "Vaste samenwerking",
}
"""What kind of werkvorm a record is. An activity and a series have a duration and a group size
(for a series: per meeting); a standing partnership (leerwerkplaats, leernetwerk) runs for years
and has neither."""

PRACTICAL_FACTS: dict[str, str] = {
    "duur": "Duur",
    "groepsgrootte": "Groep",
    "frequentie": "Hoe vaak",
    "voorbereiding": "Voorbereiding",
}
"""The practical facts that are either taken from a source or a guideline of the handbook."""

TERMS: dict[str, tuple[str, str]] = {
    r"Samen-Werken,? Samen-Leren": ("Samen Werken, Samen Leren", "de naam van het leernetwerk, zonder streepjes"),
    r"post hbo[ -]leergang|post-hbo leergang|posthbo-leergang": ("post-hbo-leergang", "met twee streepjes"),
    r"hulpverleners?": ("jeugdprofessional", "het woord van dit handboek voor wie in de jeugdpraktijk werkt"),
    r"jeugdzorgwerkers?": (
        "jeugdprofessional",
        "jeugdzorgwerker is een beroepstitel; gebruik die alleen als de titel zelf ertoe doet",
    ),
    r"managers?": ("leidinggevende", "het woord van dit handboek, en de rol in de vaste lijst"),
    r"stagebegeleiders?": ("praktijkbegeleider", "op de stageplek; de begeleider van de opleiding is de stagedocent"),
}
"""Words with a preferred form: regular expression of the variant -> (preferred word, why).
The writing guide (docs/schrijfwijzer.md) lists the same terms; `check` advises on the variants."""
