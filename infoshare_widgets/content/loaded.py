"""What loading a content folder gives: `Content`, what loaded and which files did not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, get_args

from . import helper_models, models, plan_models
from .confidence_models import ConfidenceFile
from .problems import Problem

SECTIONS = frozenset(get_args(models.SectionId))
AUDIENCES = frozenset(get_args(models.Audience))


@dataclass(frozen=True)
class BrokenFile:
    """A file that did not load, with what it says about itself, so a page can place its card.

    ``section`` and ``audience`` are the values the file declares (read from the raw YAML where
    it could be read; a syntax error still leaves its top-level lines readable), or None.
    """

    kind: str
    path: Path
    section: str | None = None
    audience: str | None = None
    problems: tuple[Problem, ...] = ()

    def belongs_to(self, section: str | None = None, audience: str | None = None) -> bool:
        """True when the file may be meant for ``section``/``audience``.

        A file whose value is missing, unreadable or not a valid one matches every filter: its
        card shows everywhere it might belong rather than nowhere.
        """
        return (_matches(self.section, section, SECTIONS)
                and _matches(self.audience, audience, AUDIENCES))


def _matches(declared: str | None, wanted: str | None, valid: frozenset[str]) -> bool:
    return wanted is None or declared not in valid or declared == wanted


@dataclass
class Content:
    """Everything in a content folder that loaded, and what did not."""

    root: Path
    sections: list[models.Section] = field(default_factory=list)
    ui: models.UIStrings | None = None
    lawful_bases: models.LawfulBasesFile | None = None
    scenarios: models.ScenariosFile | None = None
    decision_record: models.DecisionRecordFile | None = None
    about: models.AboutFile | None = None
    local: models.LocalFile | None = None
    basis_helper: helper_models.LawfulBasisHelperFile | None = None
    confidence: ConfidenceFile | None = None
    session_plans: plan_models.SessionPlansFile | None = None
    topics: list[models.Topic] = field(default_factory=list)
    golden_rules: list[models.GoldenRulesFile] = field(default_factory=list)
    case_studies: list[models.CaseStudy] = field(default_factory=list)
    quizzes: list[models.Quiz] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Not problems: the file loads (e.g. it is in an older content format); validate says so."""
    broken_files: dict[str, list[Path]] = field(default_factory=dict)
    overlay: Path | None = None
    """The folder of published items laid over this content (`overlay.py`), if any."""
    changed_locally: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) -> "changed" (a published item replaced the shipped one) or "added"."""
    published_on: dict[tuple[str, str], datetime | None] = field(default_factory=dict)
    """(kind, id) -> when it was last published here (`overlay.published_on`), for the footer."""
    declared: dict[Path, dict[str, str]] = field(default_factory=dict, repr=False)
    origins: dict[int, tuple[Path, dict[tuple, int]]] = field(default_factory=dict, repr=False)

    def origin(self, value: Any) -> tuple[Path, dict[tuple, int]]:
        """The file a loaded item came from, and its field-to-line map."""
        return self.origins.get(id(value), (self.root, {}))

    def __getstate__(self) -> dict[str, Any]:
        """For a snapshot (`snapshot.py`): ``origins`` is keyed by ``id()``, which a copy does
        not keep, so it travels as (item, origin) pairs of the items this content holds."""
        state = dict(self.__dict__)
        held = {id(v): v for v in self._items()}
        state["origins"] = [(held[k], v) for k, v in self.origins.items() if k in held]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        pairs = state.pop("origins")
        self.__dict__.update(state)
        self.origins = {id(item): origin for item, origin in pairs}

    def _items(self) -> list[Any]:
        """Every loaded file's value and list item (what ``origins`` can name)."""
        out: list[Any] = []
        for value in self.__dict__.values():
            if isinstance(value, list):
                out.extend(value)
            elif value is not None and hasattr(value, "model_fields_set"):
                out.append(value)
        return out

    def prose(self) -> set[str]:
        """Every text of this content's items with a space or a line in it (what may be
        Markdown; ids and keys have neither)."""
        found: set[str] = set()
        todo: list[Any] = self._items()
        while todo:
            value = todo.pop()
            if isinstance(value, str):
                if " " in value or "\n" in value:
                    found.add(value)
            elif isinstance(value, list | tuple):
                todo.extend(value)
            elif isinstance(value, dict):
                todo.extend(value.values())
            elif hasattr(value, "model_fields_set"):
                todo.extend(value.__dict__.values())
        return found

    def section(self, section_id: str) -> models.Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def topics_for(self, section_id: str) -> list[models.Topic]:
        return sorted((t for t in self.topics if t.section == section_id), key=lambda t: t.order)

    def quizzes_for(self, section_id: str) -> list[models.Quiz]:
        return [q for q in self.quizzes if q.section == section_id]

    def golden_rules_for(self, audience: str) -> models.GoldenRulesFile | None:
        return next((g for g in self.golden_rules if g.audience == audience), None)

    def problems_in(self, path: Path, under: tuple = ()) -> list[Problem]:
        """The problems of one file; with ``under``, only those inside that item, e.g.
        ``under=("scenarios", 2)`` for the third scenario."""
        return [p for p in self.problems if p.file == path and (not under or p.is_under(under))]

    def mark_broken(self, kind: str, path: Path) -> None:
        """Record that a file of ``kind`` (a key of FOLDERS or SINGLE_FILES) did not load."""
        paths = self.broken_files.setdefault(kind, [])
        if path not in paths:
            paths.append(path)

    def broken_items(self, kind: str, *, section: str | None = None,
                     audience: str | None = None) -> list[BrokenFile]:
        """The files of ``kind`` that did not load and may belong to ``section``/``audience``.

        ``content.broken_items("quizzes", section="children")`` gives the cards the Children page
        shows after its quizzes; see `BrokenFile.belongs_to` for files that name no valid section.
        """
        out = []
        for path in self.broken_files.get(kind, []):
            declared = self.declared.get(path, {})
            item = BrokenFile(kind, path, declared.get("section"), declared.get("audience"),
                              tuple(self.problems_in(path)))
            if item.belongs_to(section, audience):
                out.append(item)
        return out

    def text(self, group: str, key: str) -> str:
        """Interface wording from ui.yaml; the key itself if ui.yaml is broken (never a crash)."""
        if self.ui is None:
            return key.replace("_", " ")
        return getattr(self.ui, group).get(key, key.replace("_", " "))
