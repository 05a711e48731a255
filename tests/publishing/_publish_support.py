"""A small sound site for the publishing tests: the content tests' minimal folder, and a store
whose overlay and drafts are beside it (as in a data folder)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

_SPEC = importlib.util.spec_from_file_location(
    "_content_support_for_publishing",
    Path(__file__).resolve().parents[1] / "content" / "_content_support.py")
_SUPPORT = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_SUPPORT)
write_sound_folder = _SUPPORT.write_sound_folder
QUIZ = _SUPPORT.QUIZ
CASE = _SUPPORT.CASE


def quiz_text(**changes: object) -> str:
    """The sound folder's quiz, with top-level fields changed."""
    data = yaml.safe_load(QUIZ)
    data.update(changes)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def scenario_text(item_id: str = "referral", **changes: object) -> str:
    """A scenario as one item (the shape the overlay keeps)."""
    data = {"id": item_id, "audience": "children", "title": "A referral, changed here",
            "situation": "You refer a concern to children's social care.",
            "fits": ["legal-obligation", "public-task"],
            "explanation": "Statutory duties and official functions.", "source": "A source."}
    data.update(changes)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
