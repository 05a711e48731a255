"""The guided lawful-basis helper: every path through the shipped helper, against the law.

The table below is written here, not read from the content: for every combination of answers it
says which Article 6 bases the result must name, which extra condition it must give, and what it
must say about the duty of confidence. A change to `content/lawful_basis_helper.yaml` that sends
any path to the wrong advice fails here, and so does a new answer the table does not cover.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pytest

from infoshare_widgets.basis_helper import HelperState, outcome_for
from infoshare_widgets.content import load_content
from infoshare_widgets.content.helper_models import LawfulBasisHelperFile, all_answers

CONTENT = Path(__file__).resolve().parents[2] / "content"

BASES = {"VI": "vital-interests", "PT": "public-task", "LO": "legal-obligation",
         "RLI": "recognised-legitimate-interests", "LI": "legitimate-interests"}

# Columns: who, data, urgent, consent | Article 6 bases, likely first (- for none) | condition |
# confidence.
#
# The law behind each column:
# - bases: vital interests only when a life is at risk now (Art 6(1)(d), Recital 46); a public
#   authority relies on public task, or legal obligation where a specific law requires disclosure,
#   never on (recognised) legitimate interests for its tasks (Art 6(1), words after (f), as
#   amended from 5 February 2026); a charity or private provider on recognised legitimate
#   interests for safeguarding (Art 6(1)(ea), Annex 1 para 6) or legitimate interests; "not sure"
#   names none and explains both.
# - condition: ordinary data needs none; crime data needs official authority or Schedule 1 (Art 10,
#   DPA 2018 s10(5), Sch 1 paras 18, 30, 36); special category data in an emergency: Art 9(2)(c)
#   only if the person cannot consent, otherwise not; outside one: Sch 1 para 18 when asking is
#   unsafe or the person cannot consent, and explicit consent first when it is safe to ask.
# - confidence: an emergency overrides it; otherwise ask first, or weigh the public interest when
#   asking is unsafe, or check capacity and best interests when the person cannot decide.
TABLE = """
public  ordinary yes safe-to-ask | VI PT  | none                | emergency
public  ordinary yes risky       | VI PT  | none                | emergency
public  ordinary yes cannot      | VI PT  | none                | emergency
public  ordinary no  safe-to-ask | PT LO  | none                | ask-first
public  ordinary no  risky       | PT LO  | none                | unsafe-to-ask
public  ordinary no  cannot      | PT LO  | none                | cannot-decide
public  special  yes safe-to-ask | VI PT  | special-life-can    | emergency
public  special  yes risky       | VI PT  | special-life-can    | emergency
public  special  yes cannot      | VI PT  | special-life-cannot | emergency
public  special  no  safe-to-ask | PT LO  | special-ask         | ask-first
public  special  no  risky       | PT LO  | special-risky       | unsafe-to-ask
public  special  no  cannot      | PT LO  | special-cannot      | cannot-decide
public  criminal yes safe-to-ask | VI PT  | criminal            | emergency
public  criminal yes risky       | VI PT  | criminal            | emergency
public  criminal yes cannot      | VI PT  | criminal            | emergency
public  criminal no  safe-to-ask | PT LO  | criminal            | ask-first
public  criminal no  risky       | PT LO  | criminal            | unsafe-to-ask
public  criminal no  cannot      | PT LO  | criminal            | cannot-decide
charity ordinary yes safe-to-ask | VI RLI | none                | emergency
charity ordinary yes risky       | VI RLI | none                | emergency
charity ordinary yes cannot      | VI RLI | none                | emergency
charity ordinary no  safe-to-ask | RLI LI | none                | ask-first
charity ordinary no  risky       | RLI LI | none                | unsafe-to-ask
charity ordinary no  cannot      | RLI LI | none                | cannot-decide
charity special  yes safe-to-ask | VI RLI | special-life-can    | emergency
charity special  yes risky       | VI RLI | special-life-can    | emergency
charity special  yes cannot      | VI RLI | special-life-cannot | emergency
charity special  no  safe-to-ask | RLI LI | special-ask         | ask-first
charity special  no  risky       | RLI LI | special-risky       | unsafe-to-ask
charity special  no  cannot      | RLI LI | special-cannot      | cannot-decide
charity criminal yes safe-to-ask | VI RLI | criminal            | emergency
charity criminal yes risky       | VI RLI | criminal            | emergency
charity criminal yes cannot      | VI RLI | criminal            | emergency
charity criminal no  safe-to-ask | RLI LI | criminal            | ask-first
charity criminal no  risky       | RLI LI | criminal            | unsafe-to-ask
charity criminal no  cannot      | RLI LI | criminal            | cannot-decide
private ordinary yes safe-to-ask | VI RLI | none                | emergency
private ordinary yes risky       | VI RLI | none                | emergency
private ordinary yes cannot      | VI RLI | none                | emergency
private ordinary no  safe-to-ask | RLI LI | none                | ask-first
private ordinary no  risky       | RLI LI | none                | unsafe-to-ask
private ordinary no  cannot      | RLI LI | none                | cannot-decide
private special  yes safe-to-ask | VI RLI | special-life-can    | emergency
private special  yes risky       | VI RLI | special-life-can    | emergency
private special  yes cannot      | VI RLI | special-life-cannot | emergency
private special  no  safe-to-ask | RLI LI | special-ask         | ask-first
private special  no  risky       | RLI LI | special-risky       | unsafe-to-ask
private special  no  cannot      | RLI LI | special-cannot      | cannot-decide
private criminal yes safe-to-ask | VI RLI | criminal            | emergency
private criminal yes risky       | VI RLI | criminal            | emergency
private criminal yes cannot      | VI RLI | criminal            | emergency
private criminal no  safe-to-ask | RLI LI | criminal            | ask-first
private criminal no  risky       | RLI LI | criminal            | unsafe-to-ask
private criminal no  cannot      | RLI LI | criminal            | cannot-decide
unsure  ordinary yes safe-to-ask | VI     | none                | emergency
unsure  ordinary yes risky       | VI     | none                | emergency
unsure  ordinary yes cannot      | VI     | none                | emergency
unsure  ordinary no  safe-to-ask | -      | none                | ask-first
unsure  ordinary no  risky       | -      | none                | unsafe-to-ask
unsure  ordinary no  cannot      | -      | none                | cannot-decide
unsure  special  yes safe-to-ask | VI     | special-life-can    | emergency
unsure  special  yes risky       | VI     | special-life-can    | emergency
unsure  special  yes cannot      | VI     | special-life-cannot | emergency
unsure  special  no  safe-to-ask | -      | special-ask         | ask-first
unsure  special  no  risky       | -      | special-risky       | unsafe-to-ask
unsure  special  no  cannot      | -      | special-cannot      | cannot-decide
unsure  criminal yes safe-to-ask | VI     | criminal            | emergency
unsure  criminal yes risky       | VI     | criminal            | emergency
unsure  criminal yes cannot      | VI     | criminal            | emergency
unsure  criminal no  safe-to-ask | -      | criminal            | ask-first
unsure  criminal no  risky       | -      | criminal            | unsafe-to-ask
unsure  criminal no  cannot      | -      | criminal            | cannot-decide
"""


def _rows() -> list[tuple[dict[str, str], tuple[str, ...], str, str]]:
    rows = []
    for line in TABLE.strip().splitlines():
        answers, bases, condition, confidence = (cell.strip() for cell in line.split("|"))
        who, data, urgent, consent = answers.split()
        expected = () if bases == "-" else tuple(BASES[b] for b in bases.split())
        rows.append(({"who": who, "data": data, "urgent": urgent, "consent": consent},
                     expected, condition, confidence))
    return rows


ROWS = _rows()


@functools.cache
def helper() -> LawfulBasisHelperFile:
    content = load_content(CONTENT)
    assert content.basis_helper is not None, [str(p) for p in content.problems]
    return content.basis_helper


def test_the_table_covers_every_path_exactly_once() -> None:
    paths = [tuple(sorted(a.items())) for a, *_ in ROWS]
    assert len(paths) == len(set(paths)) == 4 * 3 * 2 * 3
    shipped = [tuple(sorted(a.items())) for a in all_answers(helper())]
    assert sorted(paths) == sorted(shipped)


@pytest.mark.parametrize(("answers", "bases", "condition", "confidence"), ROWS,
                         ids=["-".join(r[0].values()) for r in ROWS])
def test_every_path_gives_the_advice_the_law_calls_for(
        answers: dict[str, str], bases: tuple[str, ...], condition: str, confidence: str) -> None:
    outcome = outcome_for(helper(), answers)
    assert outcome.bases == bases
    assert outcome.rule_ids["condition"] == condition
    assert outcome.rule_ids["confidentiality"] == confidence
    assert outcome.rule_ids["record"] == "always"
    assert [part.id for part, _ in outcome.parts] == ["basis", "condition", "confidentiality",
                                                     "record"]


def _text(part: str, rule: str) -> str:
    found = next(r for p in helper().parts if p.id == part for r in p.rules if r.id == rule)
    return " ".join(f"{found.summary} {found.body} {found.not_fit or ''}".split())


# What each piece of advice must say, and must not, so the wording cannot drift from the law.
MUST_SAY = {
    ("basis", "public"): ["Article 6(1)(e)", "specific law requires you to disclose",
                          "section 47", "section 45", "cannot rely on either"],
    ("basis", "voluntary"): ["Article 6(1)(ea)", "Annex 1, paragraph 6", "Article 6(1)(f)",
                             "adult at risk"],
    ("basis", "life-public"): ["Article 6(1)(d)", "not open to a public authority"],
    ("basis", "life-voluntary"): ["Article 6(1)(d)"],
    ("condition", "special-life-cannot"): ["Article 9(2)(c)", "incapable of giving consent"],
    ("condition", "special-life-can"): ["not available", "even if they refuse", "paragraph 18"],
    ("condition", "special-risky"): ["paragraph 18", "Article 9(2)(g)",
                                     "substantial public interest", "asking would get in the way"],
    ("condition", "special-cannot"): ["paragraph 18", "Article 9(2)(g)", "cannot give"],
    ("condition", "special-ask"): ["Article 9(2)(a)", "refusal on its own is not"],
    ("condition", "criminal"): ["official authority", "paragraph 18", "paragraph 36",
                                "paragraph 30"],
    ("confidentiality", "cannot-decide"): ["lack capacity", "best interests"],
    ("confidentiality", "unsafe-to-ask"): ["public interest", "Do not seek agreement"],
}
MUST_NOT_NAME = {  # bases a kind of organisation cannot use
    "public": {"legitimate-interests", "recognised-legitimate-interests"},
    "charity": {"public-task"},
    "private": {"public-task"},
}


@pytest.mark.parametrize(("where", "phrases"), MUST_SAY.items(), ids=lambda v: str(v))
def test_each_piece_of_advice_says_what_the_law_requires(where: tuple[str, str],
                                                        phrases: list[str]) -> None:
    text = _text(*where)
    for phrase in phrases:
        assert phrase in text, f"{where}: {phrase!r} missing"


def test_no_path_names_a_basis_the_organisation_cannot_use() -> None:
    for answers in all_answers(helper()):
        named = set(outcome_for(helper(), answers).bases)
        assert not named & MUST_NOT_NAME.get(answers["who"], set()), answers


def test_every_rule_names_a_dated_source() -> None:
    rules = [r for p in helper().parts for r in p.rules]
    assert len(rules) >= 15
    for rule in rules:
        assert any(str(year) in rule.source for year in range(2007, 2031)), rule.id


def test_the_helper_is_labelled_and_links_the_ico_tool() -> None:
    assert "Not from the pack" in helper().label
    assert helper().tool.url and helper().tool.url.startswith("https://ico.org.uk/")
    assert "data protection lead" in helper().lead


# --- the state ----------------------------------------------------------------------------------


def test_no_result_until_every_question_is_answered() -> None:
    state = HelperState(helper())
    assert state.missing() == ["who", "data", "urgent", "consent"]
    assert state.outcome() is None
    for question, option in [("who", "charity"), ("data", "special"), ("urgent", "no")]:
        assert state.choose(question, option)
        assert state.outcome() is None
    assert state.missing() == ["consent"]
    assert state.choose("consent", "risky")
    outcome = state.outcome()
    assert outcome is not None
    assert outcome.rule_ids == {"basis": "voluntary", "condition": "special-risky",
                                "confidentiality": "unsafe-to-ask", "record": "always"}
    assert outcome.answers == (("who", "charity"), ("data", "special"), ("urgent", "no"),
                               ("consent", "risky"))


def test_changing_an_answer_changes_the_result() -> None:
    state = HelperState(helper())
    for question, option in [("who", "public"), ("data", "special"), ("urgent", "yes"),
                             ("consent", "cannot")]:
        state.choose(question, option)
    assert state.outcome().rule_ids["condition"] == "special-life-cannot"  # type: ignore[union-attr]
    state.choose("consent", "safe-to-ask")
    assert state.outcome().rule_ids["condition"] == "special-life-can"  # type: ignore[union-attr]


def test_unknown_questions_and_options_are_refused() -> None:
    state = HelperState(helper())
    assert not state.choose("colour", "blue")
    assert not state.choose("who", "everyone")
    assert state.answers == {}
    state.choose("who", "public")
    state.clear()
    assert state.answers == {} and state.outcome() is None


def test_outcome_for_refuses_incomplete_or_wrong_answers() -> None:
    with pytest.raises(ValueError, match="not answered: consent"):
        outcome_for(helper(), {"who": "public", "data": "ordinary", "urgent": "no"})
    complete = {"who": "public", "data": "ordinary", "urgent": "no", "consent": "risky"}
    with pytest.raises(ValueError, match="consent"):
        outcome_for(helper(), {**complete, "consent": "maybe"})


def test_the_outcome_of_each_path_is_the_first_matching_rule() -> None:
    """The rule order in the file matters: a later, wider rule never hides an earlier one."""
    reached = {(p.id, r.id) for a in all_answers(helper())
               for p, r in outcome_for(helper(), a).parts}
    every = {(p.id, r.id) for p in helper().parts for r in p.rules}
    assert reached == every, f"rules no answer reaches: {sorted(every - reached)}"
    assert len(list(itertools.chain.from_iterable(p.rules for p in helper().parts))) == len(every)
