"""ui.yaml placeholders: validate fills each with sample values; fill() never raises or blows up.

The probe: ``{total[0]}`` made every quiz an error card while validate called the content sound,
and ``{correct:>200000000}`` built a 200 MB string in the page.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml
from _content_support import UI_FIXTURE

from infoshare_widgets.content import load_content
from infoshare_widgets.content.templates import fill
from infoshare_widgets.content.ui_keys import (
    OPTIONAL_UI_KEYS,
    OVER_SHIPPED_KEYS,
    REQUIRED_UI_KEYS,
    TEMPLATE_SAMPLES,
)

SCORE_LINE = next(n for n, line in enumerate(UI_FIXTURE.read_text(encoding="utf-8").splitlines(), 1)
                  if line.startswith("  score:"))  # quiz.score in tests/fixtures/ui.yaml


def with_score(root: Path, template: str) -> list[str]:
    ui = root / "ui.yaml"
    text = ui.read_text(encoding="utf-8")
    assert '"T score: {correct} {total}"' in text
    ui.write_text(text.replace('"T score: {correct} {total}"', yaml.safe_dump(template).strip()
                               .removesuffix("\n...")), encoding="utf-8")
    content = load_content(root)
    assert content.ui is not None  # the wording still loads: fill() is safe, validate reports it
    return [str(p).replace(f"{root}{os.sep}", "") for p in content.problems]


BAD = {
    "{total[0]}": "'{total[0]}' is not a plain placeholder: write a name in braces, such as "
                  "{correct} and {total}, without dots, brackets or numbers",
    "{correct.__class__}": "'{correct.__class__}' is not a plain placeholder: write a name in "
                           "braces, such as {correct} and {total}, without dots, brackets or "
                           "numbers",
    "{correct:>200000000}": "'{correct:>200000000}' asks for a width over 100 characters; "
                            "write {correct}",
    "{correct!r} of {total}": "'{correct!r}' is not a plain placeholder: leave out '!r'",
    "{corect} of {total}": "unknown placeholder {corect}; this text can use {correct} and "
                           "{total}",
    "{0} of {1}": "'{0}' is not a plain placeholder: write a name in braces, such as {correct} "
                  "and {total}, without dots, brackets or numbers",
    "{correct} of {total": "the braces do not match: write {name} for a value and {{ or }} for "
                           "a brace itself",
    "{correct:x} of {total:q}": "cannot be filled with sample values (Unknown format code 'q' "
                                "for object of type 'int')",
}


@pytest.mark.parametrize("template", list(BAD))
def test_a_bad_placeholder_is_named_by_validate(sound: Path, template: str) -> None:
    assert with_score(sound, template) == [f"ui.yaml:{SCORE_LINE}: quiz.score: {BAD[template]}"]


@pytest.mark.parametrize("template", ["{correct} of {total} correct", "{total}: {correct:>3}",
                                      "Score {{not a placeholder}} {correct}", "No numbers"])
def test_plain_placeholders_are_sound(sound: Path, template: str) -> None:
    assert with_score(sound, template) == []


def test_every_filled_key_has_samples_and_is_required() -> None:
    shipped = yaml.safe_load((UI_FIXTURE.parents[2] / "content" / "ui.yaml").read_text("utf-8"))
    for group, samples in TEMPLATE_SAMPLES.items():
        known = (REQUIRED_UI_KEYS.get(group, []) + OPTIONAL_UI_KEYS.get(group, [])
                 + OVER_SHIPPED_KEYS.get(group, []))
        assert set(OVER_SHIPPED_KEYS.get(group, [])) <= set(shipped[group])
        if group == "author":  # every key optional: the shipped wording fills in (author_words)
            known = list(shipped["author"])
        assert set(samples) <= set(known), group


def test_the_shipped_wording_has_every_optional_key() -> None:
    """A trainer's ui.yaml may leave the review pack's wording out: the shipped file has all."""
    shipped = yaml.safe_load((UI_FIXTURE.parents[2] / "content" / "ui.yaml").read_text("utf-8"))
    for group, keys in OPTIONAL_UI_KEYS.items():
        assert sorted(shipped[group]) == sorted(keys), group


def test_the_fixture_wording_is_complete_and_sound() -> None:
    ui = yaml.safe_load(UI_FIXTURE.read_text(encoding="utf-8"))
    assert {g: sorted(keys) for g, keys in ui.items()} == {
        g: sorted(keys) for g, keys in REQUIRED_UI_KEYS.items()}


# --- fill() in a page ---------------------------------------------------------------------------


@pytest.mark.timeout(10)
@pytest.mark.parametrize("template", list(BAD))
def test_fill_shows_a_bad_template_unfilled_and_never_raises(template: str) -> None:
    start = time.perf_counter()
    out = fill(template, correct=2, total=3)
    assert time.perf_counter() - start < 0.5
    # An unknown name stays as written and the rest is filled; anything else is left unfilled.
    assert out == ("{corect} of 3" if template.startswith("{corect}") else template)


def test_fill_refuses_width_attribute_and_index_access() -> None:
    assert fill("{correct:>200000000}", correct=2) == "{correct:>200000000}"
    assert fill("{correct.__class__.__mro__}", correct=2) == "{correct.__class__.__mro__}"
    assert fill("{total[0]}", total="abc") == "{total[0]}"


def test_fill_fills_plain_placeholders_and_keeps_unknown_ones() -> None:
    assert fill("{correct} of {total} correct", correct=2, total=3) == "2 of 3 correct"
    assert fill("{correct:>3}|", correct=2) == "  2|"
    assert fill("{corect} of {total}", correct=2, total=3) == "{corect} of 3"


def test_fill_survives_a_value_that_cannot_be_formatted() -> None:
    class Bad:
        def __format__(self, spec: str) -> str:
            raise RuntimeError("no")

    assert fill("Rule {number}", number=Bad()) == "Rule {number}"
