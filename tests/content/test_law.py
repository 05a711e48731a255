"""The law as the content teaches it: each scenario's answer right for who shares, dated review.

The table of which bases each kind of organisation can use is written here, from the law, not
read from the YAML, so a trainer's edit that gives a charity "public task" (or a council
"legitimate interests") fails here:

- UK GDPR Article 6(1), words after (f), as amended by the Data (Use and Access) Act 2025 s70
  (in force 5 February 2026, SI 2026/82): points (ea) and (f) do not apply to processing by
  public authorities in the performance of their tasks.
- Public task (Article 6(1)(e)) needs an official function or task with a basis in law: open to
  public authorities, not to charities, private providers or (most) housing associations.
- Legal obligation needs an identifiable legal duty to disclose (ICO): any organisation, but only
  when the scenario names the duty.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from _pack_support import strings
from _shipped import shipped_content

from infoshare_widgets.cli import validate
from infoshare_widgets.content import load_content, models
from infoshare_widgets.content.review import review_due, review_warnings
from infoshare_widgets.content.sources import as_text

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SHIPPED = shipped_content()

EVERYONE = {"vital-interests", "consent", "legal-obligation"}
PUBLIC_AUTHORITY = EVERYONE | {"public-task"}
NOT_PUBLIC = EVERYONE | {"legitimate-interests", "recognised-legitimate-interests"}
ACCEPTABLE: dict[str, set[str]] = {
    "local-authority": PUBLIC_AUTHORITY,
    "school": PUBLIC_AUTHORITY,  # a state school or academy
    "nhs": PUBLIC_AUTHORITY,
    "nhs-gp": PUBLIC_AUTHORITY,  # for its NHS work (FOIA Schedule 1, used by DPA 2018 s7)
    "police": PUBLIC_AUTHORITY,
    "charity": NOT_PUBLIC,
    "private-provider": NOT_PUBLIC,
    "housing-association": NOT_PUBLIC,
}
SCENARIOS = SHIPPED.scenarios.scenarios if SHIPPED.scenarios else []
# A legal duty to disclose, named: "section 45 of the Care Act 2014", "section 47 ...".
NAMED_DUTY = re.compile(r"[Ss]ection \d+[A-Z]* of the [A-Z][\w' ]+ Act \d{4}")


def test_the_table_covers_every_kind_of_organisation() -> None:
    assert set(ACCEPTABLE) == set(models.OrganisationKind.__args__)
    assert {k for k, v in ACCEPTABLE.items() if "public-task" in v} == set(
        models.PUBLIC_AUTHORITY_KINDS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_each_answer_key_is_right_for_who_shares(scenario: models.Scenario) -> None:
    assert scenario.organisation is not None, f"{scenario.id}: who is 'you'?"
    allowed = ACCEPTABLE[scenario.organisation]
    wrong = set(scenario.fits) - allowed
    assert not wrong, f"{scenario.id}: a {scenario.organisation} cannot rely on {sorted(wrong)}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_legal_obligation_only_with_a_named_duty(scenario: models.Scenario) -> None:
    if "legal-obligation" in scenario.fits:
        assert NAMED_DUTY.search(scenario.explanation), scenario.id


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_two_defensible_bases_are_each_explained(scenario: models.Scenario) -> None:
    for basis in scenario.fits:
        assert basis in scenario.basis_feedback, f"{scenario.id}: say why {basis} fits"
    if len(scenario.fits) > 1:
        assert "defensible" in scenario.explanation.lower(), scenario.id


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_why_not_says_who_you_are(scenario: models.Scenario) -> None:
    """A public authority is told the law rules out legitimate interests; a charity, public task."""
    feedback = scenario.basis_feedback
    if scenario.organisation in models.PUBLIC_AUTHORITY_KINDS:
        for basis in ("legitimate-interests", "recognised-legitimate-interests"):
            assert basis in feedback and "public authorit" in feedback[basis].lower(), scenario.id
    elif "public-task" in feedback:
        assert re.search(r"no (public task|official function)", feedback["public-task"]), \
            scenario.id


def test_the_scenarios_fixed_by_the_review() -> None:
    by_id = {s.id: s for s in SCENARIOS}
    board = by_id["safeguarding-adults-board-request"]
    assert "section 44" in board.explanation and "section 42" in board.explanation
    assert "progressing an enquiry" not in board.explanation
    neglect = by_id["adult-refuses-self-neglect"]
    assert neglect.organisation and "public-task" not in neglect.fits
    assert "capable of giving consent" in neglect.basis_feedback["vital-interests"] or \
        "cannot give consent" in neglect.basis_feedback["vital-interests"]
    assert "Article 9" in neglect.explanation
    club = by_id["overdose-at-youth-club"]
    assert club.organisation == "charity" and "public-task" not in club.fits


def test_every_basis_offered_includes_recognised_legitimate_interests() -> None:
    ids = [b.id for b in SHIPPED.lawful_bases.bases]
    assert "recognised-legitimate-interests" in ids
    question = next(q for q in SHIPPED.decision_record.questions if q.kind == "lawful-basis")
    assert "legitimate interests" in question.help and "public task" in question.help


def test_the_decision_record_asks_for_the_article_9_condition() -> None:
    questions = {q.id: q for q in SHIPPED.decision_record.questions}
    condition = questions["article-9-condition"]
    assert condition.ask_if is not None
    assert condition.ask_if.question == "special-category"
    assert any("paragraph 18" in c for c in condition.choices or [])


# --- dated and labelled ------------------------------------------------------------------------


def test_every_added_topic_is_labelled_and_dated() -> None:
    added = [t for t in SHIPPED.topics if t.style in ("added", "update")]
    assert {"special-category-data", "confidentiality-public-interest", "mental-capacity",
            "child-view-competence", "secure-sharing"} <= {t.id for t in added}
    # The page labels them (ui.yaml's added_label / update_label); each source says when.
    for topic in added:
        text = as_text(topic.source)
        assert text, topic.id
        assert re.search(r"\b20\d\d\b", text), f"{topic.id}: source has no date"


def test_each_basis_says_where_its_guidance_comes_from() -> None:
    # The guidance is labelled on the page as this course's, not the pack's (ui.yaml).
    assert "not from the pack" in SHIPPED.ui.lawful_basis["safeguarding"].lower()
    for basis in SHIPPED.lawful_bases.bases:
        assert basis.source and re.search(r"\b20\d\d\b", as_text(basis.source)), basis.id


def test_commencement_not_confirmed_is_said() -> None:
    # The commencement (30 September 2026) was only announced in advance, by a secondary source:
    # the topic must say so, say it was not confirmed, and send the learner to their lead.
    topic = next(t for t in SHIPPED.topics if t.id == "children-2026-update")
    after = (topic.after or "").lower()
    assert "in force? not confirmed." in after and "said in advance" in after
    assert "reported to be in force" not in after
    assert "secondary" in after
    assert "could not find the commencement regulations to confirm it on 7 december 2026" in after
    assert "ask your safeguarding lead" in after


# --- the review date and the validator warning -------------------------------------------------


def copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


def set_reviewed(root: Path, day: str) -> None:
    path = root / "about.yaml"
    text = re.sub(r"(?m)^reviewed: .*$", f"reviewed: {day}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def test_shipped_content_has_a_review_date() -> None:
    assert SHIPPED.about is not None
    assert SHIPPED.about.version
    assert review_warnings(SHIPPED, SHIPPED.about.reviewed) == []


def test_validate_warns_when_the_review_is_over_12_months_old(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_content(tmp_path)
    set_reviewed(root, "2025-11-29")
    assert validate(root, today=date(2026, 11, 30)) == 0  # a warning never fails validation
    err = capsys.readouterr().err
    assert "warning:" in err and "reviewed: 2025-11-29 is more than 12 months ago" in err


def test_validate_is_quiet_within_12_months(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_content(tmp_path)
    set_reviewed(root, "2025-11-30")
    assert validate(root, today=date(2026, 11, 30)) == 0
    assert "warning:" not in capsys.readouterr().err


def test_a_warning_does_not_change_a_failing_exit_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_content(tmp_path)
    set_reviewed(root, "2020-01-01")
    (root / "sections.yaml").unlink()
    assert validate(root, today=date(2026, 11, 30)) == 1
    out = capsys.readouterr()
    assert "sections.yaml: required file is missing" in out.out
    assert "more than 12 months ago" in out.err


def test_no_about_file_is_a_warning_not_a_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_content(tmp_path)
    (root / "about.yaml").unlink()
    assert validate(root, today=date(2026, 11, 30)) == 0
    assert "no review date" in capsys.readouterr().err


def test_a_broken_review_date_is_a_problem(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    set_reviewed(root, "last spring")
    content = load_content(root)
    assert [p.field for p in content.problems] == ["reviewed"]


def test_twelve_months_from_a_leap_day() -> None:
    assert review_due(date(2024, 2, 29)) == date(2025, 2, 28)
    assert review_due(date(2025, 11, 30)) == date(2026, 11, 30)


# --- local contacts: shipped empty, nothing invented -------------------------------------------

PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def test_local_contacts_are_shipped_empty() -> None:
    assert SHIPPED.local is not None and SHIPPED.local.is_empty()


def test_no_contact_details_are_invented_anywhere_in_the_content() -> None:
    found = []
    for path in sorted(CONTENT.rglob("*.yaml")):
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found += [(path.name, m) for m in PHONE.findall(text) + EMAIL.findall(text)]
    assert found == []


def test_a_filled_in_local_file_loads(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    (root / "local.yaml").write_text(
        "areas:\n  - name: Example Council\n    children:\n      name: Front door\n"
        "      phone: '0000 000 0000'\nescalation: Follow the partnership's procedure.\n",
        encoding="utf-8")
    local = load_content(root).local
    assert local is not None and not local.is_empty()
    assert local.areas[0].children.phone == "0000 000 0000"


# --- ids named across files --------------------------------------------------------------------


def test_case_studies_point_to_the_new_topics() -> None:
    see = {c.id: set(c.see_also or []) for c in SHIPPED.case_studies}
    assert "mental-capacity" in see["trevor"] and "mental-capacity" in see["godavari"]
    assert "special-category-data" in see["jessie"]
    assert "child-view-competence" in see["jessie"]


def test_a_see_also_typo_is_reported_with_a_hint(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    path = root / "case_studies" / "trevor.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "see_also: [mental-capacity,", "see_also: [mental-capacty,"), encoding="utf-8")
    problems = [str(p) for p in load_content(root).problems]
    assert len(problems) == 1
    assert "see_also[0]: 'mental-capacty' is not a topic id (did you mean 'mental-capacity'?)" \
        in problems[0]


def test_ask_if_must_name_an_earlier_choice(tmp_path: Path) -> None:
    root = copy_content(tmp_path)
    path = root / "decision_record.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      question: special-category", "      question: decision"), encoding="utf-8")
    problems = [str(p) for p in load_content(root).problems]
    assert len(problems) == 1 and "ask_if names 'decision'" in problems[0]


# --- what the pages show: the review date, local contacts --------------------------------------


def test_the_footer_line_gives_version_and_review_date() -> None:
    from infoshare_widgets.content.review import footer_text

    line = footer_text(SHIPPED)
    assert SHIPPED.about.version in line and "7 December 2026" in line
    assert "not been signed off" in line and "checked by" not in line


def test_empty_local_file_gives_nothing_to_show() -> None:
    from infoshare_widgets.content.local_contacts import local_contacts

    for audience in ("children", "adults", None):
        found = local_contacts(SHIPPED, audience)
        assert found.empty and not found.complete and found.front_doors == ()


def test_front_doors_for_one_audience_only(tmp_path: Path) -> None:
    from infoshare_widgets.content.local_contacts import contact_parts, local_contacts

    root = copy_content(tmp_path)
    (root / "local.yaml").write_text(
        "areas:\n  - name: Example Council\n    children:\n      name: Children's front door\n"
        "      phone: '0000 000 0000'\n    adults:\n      name: Adult safeguarding\n",
        encoding="utf-8")
    content = load_content(root)
    children = local_contacts(content, "children")
    assert [(d.area, d.audience) for d in children.front_doors] == [
        ("Example Council", "children")]
    assert contact_parts(children.front_doors[0].contact) == [("local_phone", "0000 000 0000")]
    assert len(local_contacts(content).front_doors) == 2
    assert not children.complete  # no emergency route or escalation: the page says ask the lead
