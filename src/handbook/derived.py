"""Checklists derived from a werkvorm's steps, so every werkvorm has one to print and tick off."""

from __future__ import annotations

from .collection import Entry
from .model import Checklist, Group, Item, Werkvorm
from .text import duration, span


def step_checklist(entry: Entry) -> Entry:
    """The werkvorm's steps (with their tips) and points of attention as a checklist entry."""
    werkvorm: Werkvorm = entry.record
    facts = werkvorm.praktisch
    intro = (f"{werkvorm.samenvatting}\n\n"
             f"Duur: {duration(facts.duur.min, facts.duur.max)}. "
             f"Groep: {span(facts.groepsgrootte.min, facts.groepsgrootte.max, 'persoon', 'personen')}. "
             f"Hoe vaak: {facts.frequentie}\n\n"
             "Vink elke stap af als je hem hebt gezet. De uitleg bij elke stap staat op de pagina van de werkvorm.")
    steps = Group(titel="Stappen", genummerd=True,
                  items=[Item(tekst=step.titel, voorbeelden=step.tips) for step in werkvorm.stappen])
    attention = Group(titel="Let op", items=[Item(tekst=point) for point in werkvorm.let_op])
    record = Checklist(
        titel=f"Checklist {werkvorm.titel}"[:80],
        samenvatting=f"De stappen van de werkvorm {werkvorm.titel}, om af te vinken."[:200],
        inleiding=intro, groepen=[steps, attention], verwant=[entry.slug],
        bronnen=werkvorm.bronnen, laatst_herzien=werkvorm.laatst_herzien,
    )
    return Entry(slug=entry.slug, source=entry.source, record=record)
