"""The helper's result as HTML: pure functions, no widgets.

Authored text goes through ``content.markdown`` (to_html / to_inline_html); headings, summaries
and wording are escaped. Nothing a learner chose is put in as text: the answers are ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..content.helper_models import LawfulBasisHelperFile
from ..content.markdown import escape, to_html
from ..content.templates import fill
from ..ui.shared_html import heading_html, heading_level, link_html, source_html
from ..ui.word_groups import GroupWords
from .model import HelperOutcome


@dataclass(frozen=True)
class HelperWords(GroupWords):
    """The helper's wording: the ``helper_*`` keys of ui.yaml's ``lawful_basis`` group."""

    GROUP: ClassVar[str] = "lawful_basis"

    helper_show: str
    helper_clear: str
    helper_missing: str
    helper_shown: str
    helper_not_fit: str
    helper_tool_label: str
    helper_use: str
    helper_used: str
    helper_no_record: str


def result_html(content: Any, helper: LawfulBasisHelperFile, outcome: HelperOutcome,
                words: HelperWords, level: int = 3) -> str:
    """The result: one section per part (summary, why, why not the others, then the law and its
    sources in a "Why, and the law" disclosure), then the reminder to check with the data
    protection lead and the ICO's own tool."""
    n = heading_level(level)
    out = [heading_html(n, helper.result_heading, "is-helper-result-heading")]
    for part, rule in outcome.parts:
        out.append('<section class="is-helper-part">')
        out.append(heading_html(n + 1, part.heading, "is-helper-part-heading"))
        out.append(f'<p class="is-helper-summary"><strong>{escape(rule.summary)}</strong></p>')
        out.append(to_html(rule.body))
        if rule.not_fit:
            out.append(f'<p class="is-helper-not-fit-label"><strong>{escape(words.helper_not_fit)}'
                       "</strong></p>")
            out.append(to_html(rule.not_fit))
        # The provisions and sources one step away: plain English first, the law on request.
        out.append(f'<details class="is-helper-law"><summary>{escape(helper.law_label)}</summary>')
        out.append(to_html(rule.law))
        out.append(source_html(content, rule.source))
        out.append("</details>")
        out.append("</section>")
    out.append(f'<div class="is-helper-lead" role="note">{to_html(helper.lead)}</div>')
    out.append(f'<p class="is-helper-tool">{escape(words.helper_tool_label)} '
               f"{link_html(helper.tool, content.text('app', 'new_tab'), end='.')}</p>")
    return "".join(out)


def shown_text(outcome: HelperOutcome, words: HelperWords) -> str:
    """The one line announced when the result appears: the part summaries in order."""
    return fill(words.helper_shown, summary="; ".join(rule.summary for _, rule in outcome.parts))


def missing_text(missing: int, words: HelperWords) -> str:
    return fill(words.helper_missing, count=str(missing))
