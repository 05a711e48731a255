"""The content shipped with the app: every file sound, and the pack's facts all there.

Counts come from the resource pack (six lawful bases, seven golden rules each, ten ICO steps ...),
so a trainer's edit that drops one by mistake is caught here, not by a learner.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from _pack_support import pack_path, strings
from _verified_addresses import VERIFIED_ADDRESSES

from infoshare_widgets.content import load_content
from infoshare_widgets.content.loader import Content
from infoshare_widgets.content.sources import as_text

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
YAML_FILES = sorted(CONTENT.rglob("*.yaml"))



@functools.cache
def shipped() -> Content:
    return load_content(CONTENT)



def urls_in(text: str) -> set[str]:
    return {u.rstrip(".,;:") for u in URL.findall(text)}


def test_there_is_shipped_content() -> None:
    assert len(YAML_FILES) >= 20, f"expected the pack's content files, found {YAML_FILES}"


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(CONTENT)))
def test_every_shipped_file_validates(path: Path) -> None:
    content = shipped()
    assert [str(p) for p in content.problems_in(path)] == []
    broken = [p for paths in content.broken_files.values() for p in paths]
    assert path not in broken


def test_load_content_reports_no_problems() -> None:
    assert [str(p) for p in shipped().problems] == []


def test_sections_in_order() -> None:
    sections = shipped().sections
    assert [(s.id, s.notebook) for s in sections] == [
        ("start", "00-start"),
        ("what-is-it", "01-what-is-it"),
        ("children", "02-children"),
        ("adults", "03-adults"),
        ("tips", "04-tips-and-resources"),
        ("case-studies", "05-case-studies"),
    ]
    assert shipped().section("children").title == "Legislation and guidance: children"


def test_six_lawful_bases_in_the_packs_order() -> None:
    """The pack's six, in its order and words; then the basis added since (not the pack's)."""
    bases = shipped().lawful_bases
    assert bases is not None
    assert [b.id for b in bases.bases] == [
        "consent", "contract", "legal-obligation", "vital-interests", "public-task",
        "legitimate-interests", "recognised-legitimate-interests",
    ]
    assert all(b.pack_text and not b.added_source for b in bases.bases[:6])
    added = bases.bases[6]
    assert added.pack_text is None
    assert "Data (Use and Access) Act 2025" in as_text(added.added_source)
    # Legal obligation needs an identifiable duty to disclose: public task is the usual one.
    usual = {b.id for b in bases.bases if b.safeguarding == "usually"}
    assert usual == {"public-task"}


def test_update_note_on_recognised_legitimate_interests() -> None:
    note = shipped().lawful_bases.update_note
    assert "recognised legitimate interests" in note.title.lower()
    assert "Data (Use and Access) Act 2025" in note.body
    assert "safeguarding" in note.body.lower()
    assert "ICO" in note.body
    # In force since 5 February 2026 (SI 2026/82): no longer "coming into force in stages".
    assert "5 February 2026" in note.body and "SI 2026/82" in note.body
    assert "in stages" not in note.body


@pytest.mark.parametrize("audience", ["children", "adults"])
def test_seven_golden_rules_each_with_a_check(audience: str) -> None:
    rules = shipped().golden_rules_for(audience)
    assert rules is not None and rules.id == audience
    assert [r.number for r in rules.rules] == [1, 2, 3, 4, 5, 6, 7]
    assert len(rules.checks) >= 4


def test_childrens_rules_3_and_7_continue() -> None:
    rules = shipped().golden_rules_for("children").rules
    assert [r.number for r in rules if r.continued] == [3, 7]


def _topic(topic_id: str):
    found = [t for t in shipped().topics if t.id == topic_id]
    assert len(found) == 1, f"topic {topic_id} not found"
    return found[0]


@pytest.mark.parametrize(
    ("topic_id", "section", "count"),
    [
        ("ico-10-steps", "children", 10),
        ("when-to-share", "what-is-it", 5),
        ("what-do-i-do", "tips", 9),
        ("working-together-key-points", "children", 5),
        ("care-act-key-points", "adults", 6),
    ],
)
def test_lists_the_pack_counts(topic_id: str, section: str, count: int) -> None:
    topic = _topic(topic_id)
    assert topic.section == section
    assert len(topic.items) == count


def test_ico_steps_are_numbered() -> None:
    assert _topic("ico-10-steps").numbered is True


def test_further_resources_lists_the_packs_nine() -> None:
    assert len(_topic("further-resources").links) == 9


def test_every_section_has_topics() -> None:
    for section in shipped().sections:
        assert shipped().topics_for(section.id), f"no topics for {section.id}"


def test_case_studies_in_order_with_three_prompts() -> None:
    cases = shipped().case_studies
    assert [(c.id, c.audience) for c in cases] == [
        ("jessie", "children"), ("molly", "children"),
        ("godavari", "adults"), ("trevor", "adults"),
    ]
    for case in cases:
        assert [(q.id, q.prompt) for q in case.questions] == [
            ("worrying", "What is worrying you?"),
            ("contact", "Who would you contact and how would you share information?"),
            ("follow-up", "How would you follow up on your information sharing?"),
        ], case.id


def test_decision_record_asks_for_the_lawful_basis_and_warns() -> None:
    record = shipped().decision_record
    assert record is not None
    kinds = {q.id: q.kind for q in record.questions}
    assert "lawful-basis" in kinds.values()
    assert "choice" in kinds.values()
    assert "real" in record.warning.lower()


def test_no_url_is_invented() -> None:
    pack_urls = urls_in(pack_path().read_text(encoding="utf-8"))
    assert pack_urls, "no addresses found in the pack: is the regex broken?"
    used: dict[str, Path] = {}
    for path in YAML_FILES:
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for url in urls_in(text):
                used[url] = path
    assert used, "no addresses found in the content"
    allowed = pack_urls | set(VERIFIED_ADDRESSES)
    invented = {u: str(p.relative_to(CONTENT)) for u, p in used.items() if u not in allowed}
    assert invented == {}, "addresses the pack does not give"


def test_every_pack_address_is_used() -> None:
    pack_urls = urls_in(pack_path().read_text(encoding="utf-8"))
    used = set()
    for path in YAML_FILES:
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            used |= urls_in(text)
    assert pack_urls - used == set()
