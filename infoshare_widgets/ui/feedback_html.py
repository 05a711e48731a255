"""Feedback as HTML: the verdict in words first, an icon beside it, then each option's feedback.

The verdict is a short heading ("Correct" / "Not quite"), then the detail.
Pure functions (no widgets), so the exact text a learner reads is tested without a browser. Text
goes in either escaped (option texts, wording from ui.yaml) or through ``to_html`` (authored
Markdown); nothing else.

The icon is a ``data-icon`` attribute that question.css draws with ``::before`` and hides from
screen readers (they hear the words), so the feedback's text starts with the verdict itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..content.markdown import escape, to_html, to_inline_html
from ..content.templates import fill
from .feedback import Feedback, Part, QuizWords
from .shared_html import heading_level

_BLOCK = re.compile(r"<(p|ul|ol|blockquote|pre|h[1-6]|hr)[\s>]")


def _inline_or_block(markdown: str) -> tuple[str, bool]:
    """The Markdown as inline HTML when it is one paragraph, else as blocks (and True)."""
    inline = to_inline_html(markdown)
    if _BLOCK.search(inline):
        return to_html(markdown), True
    return inline, False


def _after(markdown: str) -> str:
    """An option's feedback after the option's text: " — " and inline text, or the blocks."""
    if not markdown:
        return ""
    html, block = _inline_or_block(markdown)
    return html if block else f" — {html}"


def _icon(words: QuizWords, right: bool) -> str:
    return escape(words.correct_icon if right else words.wrong_icon)


def _part_item(part: Part, words: QuizWords) -> str:
    mark = "right" if part.right else "wrong"
    word = words.option_right if part.right else words.option_wrong
    return (
        f'<li class="is-q-part is-q-{mark}" data-icon="{_icon(words, part.right)}">'
        f'<strong class="is-q-mark">{escape(word)}</strong> '
        f'<span class="is-q-option-text">{escape(part.text)}</span>{_after(part.feedback)}</li>'
    )


def _missed_item(part: Part) -> str:
    return (
        f'<li class="is-q-part is-q-missed"><span class="is-q-option-text">'
        f"{escape(part.text)}</span>{_after(part.feedback)}</li>"
    )


def _detail(markdown: str) -> str:
    """One option's feedback under the verdict's heading: blocks, or one paragraph."""
    if not markdown:
        return ""
    html, block = _inline_or_block(markdown)
    return html if block else f'<p class="is-q-detail">{html}</p>'


def feedback_html(feedback: Feedback | None, words: QuizWords, level: int = 4) -> str:
    """The live region's content for a check; empty when there is nothing to say.

    The verdict is a short heading ("Correct", "Not quite") at ``level`` (clamped to h2-h6),
    then the detail. An empty check is the error message, "Error:" first (GOV.UK's pattern).
    """
    if feedback is None:
        return ""
    if feedback.status == "empty":
        return (f'<p class="is-q-verdict is-q-empty"><span class="is-q-error-prefix">'
                f'{escape(words.error_prefix)}</span> {escape(feedback.heading)}</p>')

    right = feedback.correct
    mark = "right" if right else "wrong"
    icon = _icon(words, right)
    if feedback.grade == "acceptable":  # said in words; the icon and colour only repeat them
        mark, icon = "acceptable", escape(words.acceptable_icon)
    tag = f"h{heading_level(level)}"
    grade = f' data-grade="{feedback.grade}"' if feedback.grade else ""
    out = [f'<{tag} class="is-q-verdict is-q-{mark}"{grade} data-icon="{icon}">'
           f"{escape(feedback.heading)}</{tag}>"]
    if feedback.kind == "single" and len(feedback.parts) == 1:
        # One choice: its feedback is the detail under the verdict.
        out.append(_detail(feedback.parts[0].feedback))
    elif feedback.parts:
        items = "".join(_part_item(p, words) for p in feedback.parts)
        out.append(f'<ul class="is-q-parts">{items}</ul>')
    if feedback.missed:
        items = "".join(_missed_item(p) for p in feedback.missed)
        out.append(f'<p class="is-q-missed-label"><strong>{escape(feedback.missed_label)}'
                   f'</strong></p><ul class="is-q-parts">{items}</ul>')
    if feedback.explanation:
        out.append(f'<div class="is-q-explanation">{to_html(feedback.explanation)}</div>')
    return "".join(out)


def summary_html(score: str, links: Sequence[tuple[str, str, str]], words: QuizWords,
                 all_best: bool) -> str:
    """The end of a quiz, once every question is answered: the score, then what to revisit.

    "4 of 5 best answers, 1 unsafe choice: revisit golden rule 3". ``links`` are (text, href,
    new-tab note): a link to another page opens a new tab (the quiz stays as it is) and says so
    to screen readers; "" for a link on this page. All escaped here. Empty ``score``: nothing.
    """
    if not score:
        return ""
    label = f'<strong class="is-q-summary-label">{escape(words.summary_label)}</strong> '
    if all_best or not links:
        tail = fill(words.summary_all_best, score=score) if all_best else f"{score}."
        return f'<p class="is-q-summary-text">{label}{escape(tail)}</p>'
    items = []
    for text, href, new_tab in links:
        target = ' target="_blank" rel="noopener noreferrer"' if new_tab else ""
        note = f'<span class="is-q-vh"> {escape(new_tab)}</span>' if new_tab else ""
        items.append(f'<a href="{escape(href)}"{target}>{escape(text)}{note}</a>')
    lead = escape(fill(words.summary_revisit, score=score))
    return f'<p class="is-q-summary-text">{label}{lead} {", ".join(items)}.</p>'
