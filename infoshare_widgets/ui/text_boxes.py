"""What the pages with text boxes share: GOV.UK's warning text, given once per page,
and the wording of the character count (``text_box.js`` fills it in the browser)."""

from __future__ import annotations

from ..content import Content
from ..content.markdown import escape

COUNT_KEYS = ("limit", "left", "left_one", "over", "over_one")  # ui.yaml app.count_*


def count_words(content: Content) -> dict[str, str]:
    """The character count's wording, by the names ``text_box.js`` uses."""
    return {key: content.text("app", f"count_{key}") for key in COUNT_KEYS}


def warning_text(content: Content, inner_html: str) -> str:
    """GOV.UK warning text: a "!" icon hidden from screen readers, which hear "Warning" instead,
    then ``inner_html`` (already safe: escaped, or sanitised by ``to_html``)."""
    label = escape(content.text("app", "warning_label"))
    return (f'<div class="is-warning-text"><span class="is-warning-icon" aria-hidden="true">!'
            f'</span><div class="is-warning-body"><strong class="is-visually-hidden">{label}: '
            f"</strong>{inner_html}</div></div>")
