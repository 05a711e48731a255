"""Facilitator notes as HTML: labelled as notes, built only for facilitator pages.

Callers build notes only when the page is in facilitator mode, so a learner's page never holds
them (not hidden: absent from the HTML and from every widget's state).
"""

from __future__ import annotations

from ..content.markdown import escape, to_html


def notes_html(label: str, notes: str | None) -> str:
    """An ``<aside>`` named by its visible label (``facilitator.notes_label``); "" without notes."""
    if not notes:
        return ""
    return (f'<aside class="is-facilitator-notes" aria-label="{escape(label)}">'
            f'<p class="is-facilitator-notes-label"><strong>{escape(label)}</strong></p>'
            f"{to_html(notes)}</aside>")
