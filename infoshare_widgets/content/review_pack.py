"""What the review pack lists: every statement of law written for this course, beside its source.

Pure data, no HTML (`review_html` lays it out). A partnership's data protection officer or
safeguarding lead reads each statement against its own source and signs the content off
(`about.yaml`'s `signed_off:`). Listed, page by page in the order of `sections.yaml`: the helper's
rules, the lawful bases' plain English and guidance, the update note, the scenarios' explanations
and feedback, topics the course added or marked as an update, every topic's `after:` note (dated
updates sit there), quiz questions that carry a source, and quiz questions whose explanation is
labelled as the course's own ("added by this course", "not from the pack"). The pack's own words
(the resource pack's) are not listed: they are not this course's.
Then every source that cannot be followed and re-checked: no link, no checked date, a plain line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from .loaded import Content
from .models import SignOff
from .review import footer_text
from .sources import Source
from .unverified import Unverified, unverified_sources
from .unverified import where_written as _where

PAGE_OF = {"lawful_bases": "what-is-it", "scenarios": "what-is-it", "basis_helper": "what-is-it"}
"""The page that shows each part that is not a topic or a quiz (`notebooks/01-what-is-it.ipynb`;
`tests/content/test_review_pack.py` checks it against `pages/section_progress.py`)."""

LISTED_STYLES = ("added", "update")
"""Topics in these styles are this course's own words, so they are listed whole. A topic in
another style is the pack's, but its `after:` note is listed (it holds the dated updates)."""

NOT_FROM_PACK = re.compile(r"added by this course|not from the pack|not the pack", re.IGNORECASE)
"""The content's own labels for words that are the course's, not the pack's: a quiz question
without a source whose explanation carries one is listed."""


@dataclass(frozen=True)
class Passage:
    """One text of a statement, under a label (a key of ui.yaml's `review` group, filled with
    ``name``). ``texts`` are Markdown; several are a list; ``plain`` text is shown as it is."""

    label: str
    texts: tuple[str, ...]
    name: str = ""
    plain: bool = False


@dataclass(frozen=True)
class Statement:
    """One item that states the law: what it is, where it is written, its texts, its sources."""

    kind: str
    title: str
    where: str
    passages: tuple[Passage, ...]
    sources: tuple[Source, ...]
    draft: bool = False
    changed_locally: bool = False
    """Published here (the overlay) over a pack item, or added: the reviewer reads it afresh."""


@dataclass(frozen=True)
class PageStatements:
    """One page's heading and what it states."""

    section_id: str
    title: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class ReviewPack:
    version: str | None
    reviewed: date | None
    footer: str
    signed_off: SignOff | None
    pages: tuple[PageStatements, ...]
    unverified: tuple[Unverified, ...]
    problems: tuple[str, ...]
    made: datetime = field(default_factory=lambda: datetime.now(UTC))
    """When the pack was made: recorded as `signed_off.pack_made`; an item published after it
    was not in what was read."""


def _md(label: str, text: str | None, name: str = "") -> list[Passage]:
    """A passage of Markdown under ``label``; none when the text is left out."""
    return [Passage(label, (text,), name)] if text else []


def _helper(content: Content) -> list[Statement]:
    helper = content.basis_helper
    if helper is None:
        return []
    options = {q.id: (q.prompt, {o.id: o.text for o in q.options}) for q in helper.questions}
    out = []
    for pi, part in enumerate(helper.parts):
        for ri, rule in enumerate(part.rules):
            when = tuple(f"{options[q][0]} – {' / '.join(options[q][1][o] for o in chosen)}"
                         for q, chosen in rule.when.items() if q in options)
            applies = [Passage("applies", when, plain=True)] if when else []
            out.append(Statement(
                "kind_helper_rule", f"{part.heading}: {rule.summary} ({rule.id})",
                _where(content, helper, ("parts", pi, "rules", ri)),
                (*applies, *_md("body", rule.body), *_md("not_fit", rule.not_fit)),
                (rule.source,)))
    return out


def _bases(content: Content) -> list[Statement]:
    bases = content.lawful_bases
    if bases is None:
        return []
    out = [Statement("kind_basis", f"{b.name} ({b.id})", _where(content, bases, ("bases", i)),
                     (*_md("plain_english", b.plain_english), *_md("guidance", b.guidance)),
                     tuple(s for s in (b.source, b.added_source) if s is not None))
           for i, b in enumerate(bases.bases)]
    out.append(Statement("kind_bases_guidance", bases.title, _where(content, bases, ("guidance",)),
                         tuple(_md("guidance", bases.guidance)), (bases.source,)))
    note = bases.update_note
    out.append(Statement("kind_note", note.title, _where(content, bases, ("update_note",)),
                         tuple(_md("body", note.body)), (note.source,)))
    return out


def _scenarios(content: Content) -> list[Statement]:
    file = content.scenarios
    if file is None:
        return []
    names = {b.id: b.name for b in content.lawful_bases.bases} if content.lawful_bases else {}
    out = []
    for i, s in enumerate(file.scenarios):
        picked = [p for basis, text in s.basis_feedback.items()
                  for p in _md("if_picked", text, names.get(basis, basis))]
        fits = ", ".join(names.get(b, b) for b in s.fits)
        out.append(Statement(
            "kind_scenario", f"{s.title} ({s.id})", _where(content, file, ("scenarios", i)),
            (Passage("fits", (fits,), plain=True), *_md("explanation", s.explanation), *picked),
            (s.source,), draft=s.draft,
            changed_locally=("scenarios", s.id) in content.changed_locally))
    return out


def _topics(content: Content, section_id: str) -> list[Statement]:
    out = []
    for topic in content.topics_for(section_id):
        if topic.style in LISTED_STYLES:
            items = [Passage("items", tuple(topic.items))] if topic.items else []
            passages = (*_md("body", topic.body), *items, *_md("after", topic.after))
        elif topic.after:
            passages = tuple(_md("after", topic.after))  # the body is the pack's own words
        else:
            continue
        out.append(Statement("kind_topic", f"{topic.title} ({topic.id})", _where(content, topic),
                             passages, (topic.source,)))
    return out


def _questions(content: Content, section_id: str) -> list[Statement]:
    out = []
    for quiz in content.quizzes_for(section_id):
        for qi, q in enumerate(quiz.questions):
            if q.source is None and not NOT_FROM_PACK.search(q.explanation or ""):
                continue
            options = [p for o in q.options for p in
                       _md("option_right" if o.correct else "option_wrong", o.feedback, o.text)]
            out.append(Statement(
                "kind_question", f"{quiz.title}: {q.id}", _where(content, quiz, ("questions", qi)),
                (*_md("prompt", q.prompt), *options, *_md("explanation", q.explanation)),
                (q.source,) if q.source is not None else (), draft=quiz.draft,
                changed_locally=("quizzes", quiz.id) in content.changed_locally))
    return out


def _pages(content: Content) -> tuple[PageStatements, ...]:
    placed: dict[str, list[Statement]] = {}
    for part, build in (("lawful_bases", _bases), ("scenarios", _scenarios),
                        ("basis_helper", _helper)):
        placed.setdefault(PAGE_OF[part], []).extend(build(content))
    ids = [s.id for s in content.sections]
    ids += sorted(({t.section for t in content.topics} | {q.section for q in content.quizzes}
                   | set(placed)) - set(ids))
    pages = []
    for section_id in ids:
        section = content.section(section_id)
        found = [*_topics(content, section_id), *placed.get(section_id, []),
                 *_questions(content, section_id)]
        pages.append(PageStatements(section_id, section.title if section else section_id,
                                    tuple(found)))
    return tuple(pages)


def review_pack(content: Content, made: datetime | None = None) -> ReviewPack:
    """The review pack's contents for a loaded folder (what did not load is named in
    ``problems``: it is not in the pack), made at ``made`` (now, by default)."""
    about = content.about
    return ReviewPack(
        made=(made or datetime.now(UTC)).replace(microsecond=0),
        version=about.version if about else None,
        reviewed=about.reviewed if about else None,
        footer=footer_text(content),
        pages=_pages(content),
        unverified=unverified_sources(content),
        signed_off=about.signed_off if about else None,
        problems=tuple(str(replace(p, file=Path(os.path.relpath(p.file, content.root))))
                       for p in content.problems),
    )
