"""A learner's progress as data (pure): the stored format, its keys, and checking what is read.

Progress lives only in the learner's browser (``progress.js``, ``localStorage``). The kernel sees
it when the page loads, to put answers back, and sends each new answer to be stored. Nothing here
holds free text: only option indices, results, item keys and section ids.

Each item is stored under its id and a hash of its wording and options (:func:`item_key`): after a
trainer edits a question its old answer no longer matches and is dropped, not misapplied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

VERSION = 1  # the stored format; another version is ignored, never misread
MAX_ITEMS = 2000  # answers or reveals kept; more than this is not progress, it is tampering
# What a check said. "correct" is also a graded question's best answer; "acceptable" and "unsafe"
# (added with grades) are a graded question's other answers. Added, not a new VERSION:
# progress stored before grades (correct/incorrect only) still loads as it is.
RESULTS = ("correct", "incorrect", "acceptable", "unsafe")
_KEY = re.compile(r"^[A-Za-z0-9_./-]{1,140}#[0-9a-f]{12}$")
_SECTION = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


def item_key(item_id: str, *parts: Any) -> str:
    """``id#hash``: the item's id and a hash of everything the learner sees of it."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return f"{item_id}#{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def dump(model: Any) -> Any:
    """A content model as JSON-able data, for :func:`item_key`: what pydantic's
    ``model_dump(mode="json")`` gives (a test holds them equal on all the content), read
    field by field, so a page's kernel never builds the models' serializers."""
    fields = getattr(type(model), "__pydantic_fields__", None)
    if fields is not None:
        return {name: dump(getattr(model, name)) for name in fields}
    if isinstance(model, list | tuple):
        return [dump(v) for v in model]
    if isinstance(model, dict):
        return {str(k): dump(v) for k, v in model.items()}
    if isinstance(model, dt.date):
        return model.isoformat()
    return model


@dataclass(frozen=True)
class Answer:
    """A checked question: the options chosen and what the check said."""

    chosen: tuple[int, ...]
    result: str

    def as_json(self) -> dict[str, Any]:
        return {"chosen": list(self.chosen), "result": self.result}


@dataclass
class Progress:
    """What the browser keeps: answers, fully revealed prompts, visited sections, the last one."""

    answers: dict[str, Answer] = field(default_factory=dict)
    revealed: set[str] = field(default_factory=set)
    visited: dict[str, int] = field(default_factory=dict)  # section id -> when (ms since 1970)

    @property
    def last(self) -> str | None:
        """The section visited most recently."""
        return max(self.visited, key=lambda s: self.visited[s]) if self.visited else None

    @classmethod
    def read(cls, raw: Any) -> Progress:
        """Progress from what the browser sent; anything malformed is dropped and logged."""
        if not isinstance(raw, dict) or not raw:
            return cls()
        if raw.get("v") != VERSION:
            version = raw.get("v")
            shown = version if isinstance(version, int) else type(version).__name__
            log.warning("stored progress has version %s, not %s: ignored", shown, VERSION)
            return cls()
        progress = cls()
        answers = raw.get("answers")
        if isinstance(answers, dict):
            for key, value in list(answers.items())[:MAX_ITEMS]:
                answer = _answer(value)
                if _KEY.match(str(key)) and answer is not None:
                    progress.answers[key] = answer
        revealed = raw.get("revealed")
        if isinstance(revealed, list):
            progress.revealed = {k for k in revealed[:MAX_ITEMS]
                                 if isinstance(k, str) and _KEY.match(k)}
        visited = raw.get("visited")
        if isinstance(visited, dict):
            progress.visited = {s: int(t) for s, t in list(visited.items())[:100]
                                if isinstance(s, str) and _SECTION.match(s)
                                and isinstance(t, (int, float)) and not isinstance(t, bool)}
        return progress


def _answer(value: Any) -> Answer | None:
    if not isinstance(value, dict) or value.get("result") not in RESULTS:
        return None
    chosen = value.get("chosen")
    if not isinstance(chosen, list) or len(chosen) > 50 or not all(
            isinstance(i, int) and not isinstance(i, bool) and 0 <= i < 50 for i in chosen):
        return None
    return Answer(tuple(chosen), value["result"])


# Fields that say how an answer is judged or what to read next, not what the learner sees or
# chooses: left out of a question's key, so grading a question keeps its stored answers.
_JUDGEMENT_FIELDS = {"question": ("revisit",), "option": ("grade",)}


def question_key(question: Any) -> str:
    """A quiz question's key (the golden-rules check is a quiz too); grades and ``revisit``
    are not part of it (:data:`_JUDGEMENT_FIELDS`)."""
    data = dump(question)
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k not in _JUDGEMENT_FIELDS["question"]}
        if isinstance(data.get("options"), list):
            data["options"] = [
                {k: v for k, v in o.items() if k not in _JUDGEMENT_FIELDS["option"]}
                if isinstance(o, dict) else o for o in data["options"]]
    return item_key(question.id, data)


def scenario_key(scenario: Any, options: list[str]) -> str:
    """A lawful-basis scenario's key: its wording and the bases offered."""
    return item_key(scenario.id, dump(scenario), options)


def prompt_key(case: Any, question: Any) -> str:
    """A case-study prompt's key: the case's id, the prompt's id and wording."""
    return item_key(f"{case.id}/{question.id}", dump(question))
