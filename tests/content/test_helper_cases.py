"""The guided helper against worked cases written from the law and the pack (helper_cases.yaml).

The cases were written before the helper's rules: each names the helper's answers for its facts
and what the law calls for, as ids (the suggested basis, the bases that may be named, the Article
9 or 10 condition, the advice on the duty of confidence), with its source. The test compares the
helper's structured result, never its wording.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from infoshare_widgets.basis_helper import outcome_for
from infoshare_widgets.content import load_content
from infoshare_widgets.content.helper_models import LawfulBasisHelperFile

ROOT = Path(__file__).resolve().parents[2]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("helper_cases.yaml")).read_text(encoding="utf-8"))


@functools.cache
def helper() -> LawfulBasisHelperFile:
    content = load_content(ROOT / "content")
    assert content.basis_helper is not None, [str(p) for p in content.problems]
    return content.basis_helper


def _ids(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def test_there_are_enough_cases_each_with_a_source() -> None:
    assert len(CASES) >= 14
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["facts"].strip() and case["source"].strip(), case["id"]
        assert {"basis", "accepted", "condition", "advice"} <= set(case["expect"]) <= {
            "basis", "accepted", "condition", "advice", "caveat"}, case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_helper_gives_what_the_law_calls_for(case: dict[str, Any]) -> None:
    expect = case["expect"]
    outcome = outcome_for(helper(), case["answers"])
    suggested = outcome.bases[0] if outcome.bases else "-"
    assert suggested == expect["basis"], f"suggested basis {suggested!r}"
    assert set(outcome.bases) <= set(expect["accepted"]), f"names {outcome.bases}"
    assert outcome.condition in _ids(expect["condition"]), f"condition {outcome.condition!r}"
    assert outcome.advice == expect["advice"], f"advice {outcome.advice!r}"
    if "caveat" in expect:
        caveats = outcome.rule("basis").caveats
        assert expect["caveat"] in caveats, f"the basis part carries {caveats}"
