"""Where a statement of law comes from: a structured source a reviewer can follow and re-check.

A partnership's data protection officer or safeguarding lead signs the content off by reading each
statement beside its source. A source names the text (`title`), who issued it (`publisher`), which
version or date of it was read (`version`), where to read it (`url`) and when it was checked
(`checked`). A source without a link or a checked date is listed as not verified.

The older form, one line of plain text, still loads (trainers' own folders keep validating), and
`infoshare validate` warns about each, naming the file, the field and the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from .markdown import escape
from .problems import Problem, nearest_line
from .size_limits import MAX_TEXT_CHARS
from .templates import fill_template

if TYPE_CHECKING:
    from .loaded import Content

_Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)
]


class SourceRef(BaseModel):
    """One text a statement rests on: an Act, a regulation, a regulator's page, guidance."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: _Text = Field(description="What was read, with the part: e.g. `UK GDPR Article "
                         "9(2)(h)` or `Working Together to Safeguard Children 2026, paragraph 31`.")
    publisher: _Text = Field(description="Who issued it, e.g. `Department for Education` or "
                             "`Information Commissioner's Office`.")
    version: _Text | None = Field(
        default=None, description="The version or date of the text that was read, e.g. "
        "`March 2026` or `as amended to 5 February 2026`.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Where to read it. Without one, the source is listed as not "
        "verified in the review pack.")
    checked: date | None = Field(
        default=None, description="When the statement was checked against this text, as "
        "YYYY-MM-DD. Without it, the source is listed as not verified.")

    @property
    def verified(self) -> bool:
        """True when a reviewer can follow it (a link) and knows when it was read (a date)."""
        return self.url is not None and self.checked is not None


def _form(value: Any) -> str:
    """Which form a source is written in, so a mistake is reported for that form only."""
    if isinstance(value, list):
        return "list"
    return "text" if isinstance(value, str) else "reference"


Source = Annotated[
    Annotated[_Text, Tag("text")] | Annotated[SourceRef, Tag("reference")]
    | Annotated[list[SourceRef], Tag("list")],
    Discriminator(_form),
]
"""A `source:` field's value: a structured source, a list of them, or (older) a line of text."""


def source_field(description: str, required: bool = True) -> Any:
    """The `source` field of a content model; `sources:` is accepted as its other name."""
    extra = ("A mapping with `title`, `publisher`, `version`, `url` and `checked`, or a list of "
             "them (`sources:`); a plain line of text still loads, with a warning.")
    alias = AliasChoices("source", "sources")
    if required:
        return Field(validation_alias=alias, description=f"{description} {extra}")
    return Field(default=None, validation_alias=alias, description=f"{description} {extra}")


def as_list(source: Source | None) -> list[SourceRef | str]:
    """A source as a list: empty for none, one item for a line of text or one reference."""
    if source is None:
        return []
    if isinstance(source, list):
        return list(source)
    return [source]


def long_date(day: date) -> str:
    """6 December 2026: the form every page and the review pack use, on every platform."""
    return f"{day.day} {day:%B %Y}"


def as_text(source: Source | None) -> str:
    """A source in one line of plain text (for logs, the review pack's plain cells and tests)."""
    parts = []
    for ref in as_list(source):
        if isinstance(ref, str):
            parts.append(ref)
            continue
        words = ", ".join(x for x in (ref.title, ref.publisher, ref.version) if x)
        if ref.checked is not None:
            words += f" (checked {long_date(ref.checked)})"
        parts.append(words)
    return "; ".join(parts)


SOURCE_FIELDS = ("source", "added_source")
"""The fields that hold a source, in every content model."""


def located_sources(value: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, Source]]:
    """Each source in a loaded model, with its field path, e.g. ``("bases", 2, "source")``."""
    for name in type(value).model_fields:
        item = getattr(value, name)
        here = (*loc, name)
        if name in SOURCE_FIELDS:
            if item is not None:
                yield here, item
            continue
        for inner_loc, inner in _inner_models(item, here):
            yield from located_sources(inner, inner_loc)


def _inner_models(item: Any, loc: tuple) -> Iterator[tuple[tuple, BaseModel]]:
    """The models a field holds (itself, its list's items, its mapping's values), with paths."""
    if isinstance(item, BaseModel):
        yield loc, item
    elif isinstance(item, (list, tuple)):
        yield from (((*loc, i), e) for i, e in enumerate(item) if isinstance(e, BaseModel))
    elif isinstance(item, dict):
        yield from (((*loc, k), e) for k, e in item.items() if isinstance(e, BaseModel))


def located_refs(value: BaseModel) -> Iterator[tuple[tuple, SourceRef | str]]:
    """Each text a loaded model cites, one by one: a list's items get their index."""
    for loc, source in located_sources(value):
        if isinstance(source, list):
            for i, ref in enumerate(source):
                yield (*loc, i), ref
        else:
            yield loc, source


def written_loc(lines: dict[tuple, int], loc: tuple) -> tuple:
    """A field path as the file writes it: `sources` where the file says `sources:` (the other
    name of `source`), so a warning names the key the trainer sees."""
    for i, part in enumerate(loc):
        if part == "source" and (*loc[:i], "sources") in lines:
            return (*loc[:i], "sources", *loc[i + 1:])
    return loc


def written_line(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of a field inside a source, whichever of its two names the file uses."""
    return nearest_line(lines, written_loc(lines, loc))


def source_inline_html(source: Source | None, new_tab: str, checked: str) -> str:
    """A source as inline HTML: each text linked where it has an address, its publisher and
    version, and when it was checked (``checked``: ui ``app.source_checked``); a plain-text source
    as escaped text. Several are separated by semicolons. Pages and the review pack both use it."""
    parts = []
    for ref in as_list(source):
        if isinstance(ref, str):
            parts.append(escape(ref))
            continue
        title = escape(ref.title)
        if ref.url:
            title = (f'<a href="{escape(ref.url)}" target="_blank" rel="noopener noreferrer">'
                     f'{title}<span class="is-visually-hidden"> {escape(new_tab)}</span></a>')
        words = ", ".join([title, *(escape(x) for x in (ref.publisher, ref.version) if x)])
        if ref.checked is not None:
            words += f" ({escape(fill_template(checked, {'date': long_date(ref.checked)}))})"
        parts.append(words)
    return "; ".join(parts)


def plain_sources(value: BaseModel, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every `source` in a loaded model that is still a line of text, with its field path."""
    for here, item in located_sources(value, loc):
        if isinstance(item, str):
            yield here, item


def plain_source_warnings(path: Path, value: BaseModel, lines: dict[tuple, int]) -> list[Problem]:
    """A warning for each plain-text source of one file: it loads, but cannot be checked."""
    return [Problem(path, "a plain-text source; give `title`, `publisher`, `version`, `url` and "
                          "`checked` so a reviewer can check it", loc=loc,
                    line=written_line(lines, loc))
            for loc in (written_loc(lines, here) for here, _ in plain_sources(value))]


def loaded_files(content: Content) -> list[BaseModel]:
    """Every file model that loaded, in a stable order (single files, then folders)."""
    singles = [content.ui, content.lawful_bases, content.scenarios, content.decision_record,
               content.about, content.local, content.basis_helper]
    return [v for v in (*singles, *content.topics, *content.golden_rules, *content.case_studies,
                        *content.quizzes) if v is not None]


def source_warnings(content: Content) -> list[Problem]:
    """`infoshare validate`'s warnings about sources: each plain-text one, by file and line."""
    found = []
    for value in loaded_files(content):
        path, lines = content.origin(value)
        found.extend(plain_source_warnings(path, value, lines))
    return found
