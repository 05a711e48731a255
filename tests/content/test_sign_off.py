"""The footer says "checked by ... on ..." only from `about.yaml`'s `signed_off:` record.

Three states, with the fixed test wording (tests/fixtures/ui.yaml): signed off for this version,
changed since sign-off, and not signed off (said plainly, with no reviewer invented).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from infoshare_widgets.cli import validate
from infoshare_widgets.content import load_content
from infoshare_widgets.content.review import footer_text, review_warnings

ROOT = Path(__file__).resolve().parents[2]
ROLE = "Designated safeguarding lead, LLR Safeguarding Children Partnership"
ABOUT = 'version: "2026.12"\nreviewed: 2026-12-06\n'


def _about(root: Path, signed_off: str = "") -> Path:
    (root / "about.yaml").write_text(ABOUT + signed_off, encoding="utf-8")
    return root


def _signed(version: str, day: str = "2026-12-07", made: str | None = "2026-12-06T10:00:00+00:00"
            ) -> str:
    pack = f"  pack_made: {made}\n" if made else ""
    return (f"signed_off:\n  role: {ROLE}\n  date: {day}\n  content_version: \"{version}\"\n"
            + pack)


def test_signed_off_for_this_version_says_who_checked_it_and_when(sound: Path) -> None:
    content = load_content(_about(sound, _signed("2026.12")))
    assert content.problems == []
    assert footer_text(content) == f"T signed off: 2026.12 {ROLE} 7 December 2026"
    assert review_warnings(content, date(2026, 12, 8)) == []


def test_a_newer_version_says_it_changed_since_sign_off(sound: Path) -> None:
    content = load_content(_about(sound, _signed("2026.11")))
    assert footer_text(content) == (
        f"T changed since sign-off: 2026.12 2026.11 {ROLE} 7 December 2026")
    [warning] = review_warnings(content, date(2026, 12, 8))
    assert "signed_off.content_version: 2026.11" in warning and "infoshare review" in warning


def test_without_a_sign_off_the_footer_says_so_and_names_no_one(sound: Path) -> None:
    content = load_content(_about(sound))
    assert content.about.signed_off is None
    assert footer_text(content) == "T not signed off: 2026.12 6 December 2026"


def test_no_about_file_has_its_own_line(sound: Path) -> None:
    assert footer_text(load_content(sound)) == "T not reviewed"


def test_a_sign_off_without_the_packs_time_is_warned(sound: Path) -> None:
    """Without `pack_made` the footer cannot tell what the signed pack showed (review.py)."""
    content = load_content(_about(sound, _signed("2026.12", made=None)))
    assert content.problems == []
    [warning] = review_warnings(content, date(2026, 12, 8))
    assert "signed_off.pack_made: missing" in warning and "review pack" in warning


def test_a_sign_off_dated_after_today_is_warned(sound: Path) -> None:
    content = load_content(_about(sound, _signed("2026.12", "2027-01-01")))
    [warning] = review_warnings(content, date(2026, 12, 8))
    assert "signed_off.date: 2027-01-01 is after today" in warning


@pytest.mark.parametrize(("field", "expected"), [
    ("  role: Someone\n  date: 2026-12-07\n", "signed_off.content_version: required field"),
    ("  role: Someone\n  date: 7/12/2026\n  content_version: '2026.12'\n", "signed_off.date"),
    ("  role: Someone\n  date: 2026-12-07\n  content_version: '2026.12'\n  name: A Person\n",
     "signed_off.name: unknown field"),
])
def test_a_wrong_sign_off_is_a_problem_named_by_its_field(
        sound: Path, field: str, expected: str) -> None:
    said = [str(p) for p in load_content(_about(sound, "signed_off:\n" + field)).problems]
    assert any(expected in p and "about.yaml:" in p for p in said), said


def test_the_shipped_content_is_2026_12_6_and_not_signed_off(
        capsys: pytest.CaptureFixture[str]) -> None:
    content = load_content(ROOT / "content")
    assert (content.about.version, content.about.reviewed) == ("2026.12.6", date(2026, 12, 7))
    assert content.about.signed_off is None
    line = footer_text(content)
    assert "not been signed off" in line and "checked by" not in line
    validate(ROOT / "content", today=date(2026, 12, 6))
    assert "signed_off" not in capsys.readouterr().err
