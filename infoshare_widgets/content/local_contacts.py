"""The partnership's own contacts for a page, from `local.yaml`: never invented.

`local.yaml` ships empty. A page then shows only the ui.yaml line asking the learner to ask their
safeguarding lead; once a partnership fills the file in, its front doors (per area, for children
and for adults), emergency route and escalation procedure are shown exactly as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import models

if TYPE_CHECKING:
    from .loaded import Content


@dataclass(frozen=True)
class FrontDoor:
    """One area's front door for one audience, as the partnership gives it."""

    area: str
    audience: str  # "children" | "adults"
    contact: models.Contact


@dataclass(frozen=True)
class LocalContacts:
    """What a page can show: front doors, emergency route and escalation, each maybe missing."""

    front_doors: tuple[FrontDoor, ...] = ()
    emergency: str | None = None  # Markdown, as authored
    escalation: str | None = None  # Markdown, as authored
    source: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.front_doors or self.emergency or self.escalation)

    @property
    def complete(self) -> bool:
        """Everything a learner needs is given; otherwise the page also says to ask the lead."""
        return bool(self.front_doors and self.emergency and self.escalation)


def local_contacts(content: Content, audience: str | None = None) -> LocalContacts:
    """The contacts for one audience's page (both audiences when ``audience`` is None)."""
    local = content.local
    if local is None:
        return LocalContacts()
    audiences = ("children", "adults") if audience is None else (audience,)
    doors = tuple(
        FrontDoor(area.name, who, contact)
        for area in local.areas
        for who in audiences
        if (contact := getattr(area, who)) is not None
    )
    return LocalContacts(doors, local.emergency, local.escalation, local.source)


def contact_parts(contact: models.Contact) -> list[tuple[str, str]]:
    """(ui.yaml key of the label, value) for each detail the partnership gave, in a fixed order."""
    pairs = [("local_phone", contact.phone), ("local_email", contact.email),
             ("local_web", contact.url), ("local_hours", contact.hours)]
    return [(key, value) for key, value in pairs if value]
