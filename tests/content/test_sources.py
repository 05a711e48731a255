"""Structured sources: a reviewer can follow each one; a plain line still loads, with a warning."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from infoshare_widgets.content import load_content
from infoshare_widgets.content.sources import SourceRef, as_list, as_text, source_warnings
from infoshare_widgets.ui.shared_html import source_html

SHIPPED = Path(__file__).resolve().parents[2] / "content"

STRUCTURED = """source:
  title: Mental Capacity Act 2005, section 1
  publisher: legislation.gov.uk (The National Archives)
  version: as in force on 6 December 2026
  url: https://www.legislation.gov.uk/ukpga/2005/9/section/1
  checked: 2026-12-06
"""
LISTED = """sources:
  - title: Mental Capacity Act 2005, section 1
    publisher: legislation.gov.uk (The National Archives)
    url: https://www.legislation.gov.uk/ukpga/2005/9/section/1
    checked: 2026-12-06
  - title: Mental Capacity Act Code of Practice
    publisher: Office of the Public Guardian
"""


def _with_source(tmp_path: Path, source_yaml: str) -> Path:
    """A copy of the shipped content whose mental-capacity topic has ``source_yaml``."""
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root)
    topic = root / "topics" / "mental-capacity.yaml"
    lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("source:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha()), len(lines))
    topic.write_text("".join(lines[:start]) + source_yaml + "".join(lines[end:]),
                     encoding="utf-8")
    return root


def _topic(content, topic_id: str = "mental-capacity"):
    return next(t for t in content.topics if t.id == topic_id)


def test_a_structured_source_loads_and_is_shown_with_its_link_and_checked_date(
        tmp_path: Path) -> None:
    content = load_content(_with_source(tmp_path, STRUCTURED))
    assert content.problems == []
    source = _topic(content).source
    assert isinstance(source, SourceRef) and source.verified
    assert source.checked == date(2026, 12, 6)
    html = source_html(content, source)
    assert 'href="https://www.legislation.gov.uk/ukpga/2005/9/section/1"' in html
    assert "Mental Capacity Act 2005, section 1" in html
    assert "checked 6 December 2026" in html
    assert not [w for w in source_warnings(content) if "mental-capacity" in str(w.file)]


def test_sources_is_a_list_and_one_without_a_link_or_date_is_not_verified(
        tmp_path: Path) -> None:
    content = load_content(_with_source(tmp_path, LISTED))
    assert content.problems == []
    refs = as_list(_topic(content).source)
    assert [r.verified for r in refs] == [True, False]
    assert as_text(_topic(content).source) == (
        "Mental Capacity Act 2005, section 1, legislation.gov.uk (The National Archives) "
        "(checked 6 December 2026); Mental Capacity Act Code of Practice, Office of the Public "
        "Guardian")


def test_a_plain_text_source_still_loads_and_is_warned_about_by_file_field_and_line(
        tmp_path: Path) -> None:
    root = _with_source(tmp_path, "source: Mental Capacity Act 2005\n")
    content = load_content(root)
    assert content.problems == []
    warned = [w for w in source_warnings(content) if w.file.name == "mental-capacity.yaml"]
    assert len(warned) == 1
    line = next(i for i, text in enumerate(
        (root / "topics" / "mental-capacity.yaml").read_text().splitlines(), 1)
        if text.startswith("source:"))
    assert (warned[0].field, warned[0].line) == ("source", line)
    assert "plain-text source" in warned[0].message


@pytest.mark.parametrize(("source_yaml", "expected"), [
    ("source:\n  title: MCA\n", "source.publisher: required field is missing"),
    ("sources:\n  - title: MCA\n    publisher: OPG\n    url: nope\n", "sources[0].url:"),
    ("sources:\n  - title: MCA\n    publsher: OPG\n",
     "sources[0].publsher: unknown field (did you mean 'publisher'?)"),
    ("sources:\n  - title: MCA\n    publisher: OPG\n    checked: 06/12/2026\n",
     "sources[0].checked:"),
])
def test_a_wrong_source_is_a_problem_named_by_its_field_path(
        tmp_path: Path, source_yaml: str, expected: str) -> None:
    content = load_content(_with_source(tmp_path, source_yaml))
    said = [str(p) for p in content.problems]
    assert any(expected in p and "mental-capacity.yaml:" in p for p in said), said
