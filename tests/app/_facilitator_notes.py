"""Every facilitator note in the content, as a fragment of words of its own, under the page that
shows it: the facilitator tests look for these in learners' and facilitators' pages."""

from __future__ import annotations

import re

from _shipped import shipped_content

CONTENT = shipped_content()
SECTIONS = [s.id for s in CONTENT.sections]


def public_text() -> str:
    """Every text of the content except the notes: what a learner's page may contain."""
    items = [*CONTENT.sections, *CONTENT.topics, *CONTENT.quizzes, *CONTENT.case_studies,
             *CONTENT.golden_rules]
    return " ".join(str(i.model_dump(exclude={"facilitator_notes"})) for i in items)


PUBLIC = public_text()


def fragment(note: str) -> str:
    """A run of plain words found in this note and nowhere else in the content (a note may
    quote the pack): the same in the page's text, its HTML and any JSON frame."""
    runs = sorted(re.findall(r"[A-Za-z][A-Za-z ,]{29,}", note), key=len, reverse=True)
    for run in runs:
        for start in range(0, len(run) - 29, 5):
            piece = run[start:start + 40].strip()
            if len(piece) >= 25 and piece not in PUBLIC:
                return piece
    raise AssertionError(f"no words of its own in note {note[:60]!r}")


def notes_by_section() -> dict[str, list[str]]:
    """Every facilitator note in the content, as a fragment, under the page that shows it."""
    found: dict[str, list[str]] = {s: [] for s in SECTIONS}
    placed = [  # (items, the section that shows an item)
        (CONTENT.sections, lambda s: s.id), (CONTENT.topics, lambda t: t.section),
        (CONTENT.quizzes, lambda q: q.section),
        (CONTENT.golden_rules, lambda r: r.audience),  # the check is a quiz: its notes with it
        (CONTENT.case_studies, lambda _c: "case-studies"),
    ]
    for items, section_of in placed:
        for item in items:
            if item.facilitator_notes:
                found[section_of(item)].append(fragment(item.facilitator_notes))
    return found


NOTES = notes_by_section()
