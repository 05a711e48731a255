"""The guided lawful-basis helper: every path through the shipped helper, against the law.

The checks below are written here, not read from the content: for every combination of answers
they say which Article 6 bases the result may name, which extra conditions it may give, and what
it may say about the duty of confidence. The worked cases (tests/content/helper_cases.yaml) pin
the exact answer for named situations; a change to `content/lawful_basis_helper.yaml` that sends
any path to advice the law does not allow fails here.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pytest

from infoshare_widgets.basis_helper import HelperOutcome, HelperState, outcome_for
from infoshare_widgets.content import load_content
from infoshare_widgets.content.helper_models import LawfulBasisHelperFile, all_answers
from infoshare_widgets.content.sources import SourceRef, as_list

CONTENT = Path(__file__).resolve().parents[2] / "content"

PUBLIC = {"public", "nhs-gp", "police"}
VOLUNTARY = {"charity", "private"}
AT_RISK = {"child", "adult-at-risk"}


@functools.cache
def helper() -> LawfulBasisHelperFile:
    content = load_content(CONTENT)
    assert content.basis_helper is not None, [str(p) for p in content.problems]
    return content.basis_helper


@functools.cache
def every_path() -> list[tuple[dict[str, str], HelperOutcome]]:
    return [(answers, outcome_for(helper(), answers)) for answers in all_answers(helper())]


def test_the_questions_and_their_answers() -> None:
    assert [q.id for q in helper().questions] == ["who", "about", "data", "urgent", "consent",
                                                 "duty"]
    options = {q.id: [o.id for o in q.options] for q in helper().questions}
    assert options["who"] == ["public", "nhs-gp", "police", "charity", "private", "unsure"]
    assert options["about"] == ["child", "adult-at-risk", "adult"]
    assert options["consent"] == ["agrees", "safe-to-ask", "refused", "risky", "cannot"]
    assert len(every_path()) == 6 * 3 * 3 * 2 * 5 * 2


# The law behind each check, path by path (the worked cases in tests/content/helper_cases.yaml
# pin the answer for named situations):
# - a public authority (the police and NHS GP work included) never relies on (recognised)
#   legitimate interests for its tasks, and a charity or private provider has no public task
#   (UK GDPR Article 6(1), words after point (f));
# - vital interests only when a life is at risk now (Article 6(1)(d), Recital 46); legal
#   obligation exactly when a specific law requires the disclosure (Article 6(1)(c)); consent only
#   when the person has asked for or agreed to the sharing (Article 6(1)(a), Article 7);
# - recognised legitimate interests for safeguarding only for a child or an adult at risk (Annex
#   1, paragraph 6), or, for crime information, the crime condition (Annex 1, paragraph 5);
# - Article 9(2)(c) only in an emergency where the person cannot consent (ICO, Vital interests);
#   paragraph 18 only for a child or an adult at risk, and never where an adult consented (DPA
#   2018 Schedule 1, paragraph 18(1)(b) and (c)); a child's agreement matters for the duty of
#   confidence, but you would share anyway, so paragraph 18 stays (golden rule 3; review finding
#   3, 6 December 2026); never explicit consent for a child; no extra condition exactly for
#   ordinary information;
# - the emergency advice only in an emergency; "inform" only for a child.
def test_no_path_names_a_basis_the_law_does_not_allow_it() -> None:
    for answers, outcome in every_path():
        named = set(outcome.bases)
        if answers["who"] in PUBLIC:
            assert not named & {"legitimate-interests", "recognised-legitimate-interests"}, answers
        if answers["who"] in VOLUNTARY:
            assert "public-task" not in named, answers
        assert ("vital-interests" in named) <= (answers["urgent"] == "yes"), answers
        assert ("legal-obligation" in named) == (answers["duty"] == "yes"), answers
        assert ("consent" in named) <= (answers["consent"] == "agrees"), answers
        if "recognised-legitimate-interests" in named:
            assert answers["about"] in AT_RISK or answers["data"] == "criminal", answers


def test_no_path_gives_a_condition_the_law_does_not_allow() -> None:
    for answers, outcome in every_path():
        condition = outcome.condition
        assert (condition == "none") == (answers["data"] == "ordinary"), answers
        if condition == "art9-2c":
            assert answers["urgent"] == "yes" and answers["consent"] == "cannot", answers
        if condition in ("sch1-p18", "art10-sch1-p18"):
            assert answers["about"] in AT_RISK, answers
        if condition == "sch1-p18":  # for crime data, an agreement is not the offender's consent
            assert answers["consent"] != "agrees" or answers["about"] == "child", answers
        if condition == "art9-2a":
            assert answers["about"] != "child", answers
        if answers["data"] == "criminal":
            assert condition.startswith("art10-"), answers
        if answers["data"] == "special":
            assert not condition.startswith("art10-"), answers


def test_the_advice_on_confidence_fits_the_answers() -> None:
    for answers, outcome in every_path():
        advice = outcome.advice
        assert advice is not None
        assert advice.startswith("emergency") == (answers["urgent"] == "yes"), answers
        if advice == "inform":
            assert answers["about"] == "child", answers
        if answers["urgent"] == "no" and answers["duty"] == "yes":
            assert advice == "required-by-law", answers
        assert outcome.rule_ids["record"] == "always"
        assert [part.id for part, _ in outcome.parts] == ["basis", "condition", "confidentiality",
                                                         "record"]


def _text(part: str, rule: str) -> str:
    found = next(r for p in helper().parts if p.id == part for r in p.rules if r.id == rule)
    return " ".join(f"{found.summary} {found.body} {found.not_fit or ''} {found.law or ''}".split())


# What each piece of advice must say, so the wording cannot drift from the law.
MUST_SAY = {
    ("basis", "public"): ["public task", "NHS GP practice", "Article 6(1)(e)"],
    ("basis", "police"): ["Part 3 of the Data Protection Act 2018", "public task", "section 31",
                          "Schedule 8"],
    ("basis", "duty"): ["legal obligation", "Female Genital Mutilation Act 2003, section 5B",
                        "Care Act 2014, section 45", "Children Act 1989, section 47",
                        "not a duty to disclose"],
    ("basis", "voluntary"): ["Article 6(1)(ea)", "Annex 1, paragraph 6", "Article 6(1)(f)",
                             "adult at risk"],
    ("basis", "consent-adult"): ["Article 6(1)(a)", "withdraw"],
    ("basis", "life-public"): ["Article 6(1)(d)", "not open to a public authority"],
    ("condition", "special-life-cannot"): ["Article 9(2)(c)", "incapable of giving consent"],
    ("condition", "special-refusal-emergency"): ["cannot", "capacity", "even if they refuse"],
    ("condition", "special-at-risk"): ["paragraph 18", "Article 9(2)(g)",
                                       "substantial public interest", "said no",
                                       "able to apply after a refusal", "the course's",
                                       "care and support"],
    ("condition", "special-child"): ["paragraph 18", "do not need consent"],
    ("condition", "special-safeguarding-public"): ["paragraph 18", "Article 9(2)(h)",
                                                   "onward care"],
    ("condition", "special-nhs-adult"): ["Article 9(2)(h)", "paragraph 2"],
    ("condition", "special-refused"): ["whoever you work for", "capacity",
                                       "coercion or undue influence"],
    ("condition", "special-adult-risky"): ["If you are sharing to prevent or detect a crime",
                                           "not sure"],
    ("condition", "special-police"): ["Schedule 8", "paragraph 4", "paragraph 18",
                                      "appropriate policy document"],
    ("condition", "special-ask"): ["Article 9(2)(a)", "you can still share", "paragraph 18"],
    ("condition", "crime-safeguarding"): ["official authority", "paragraph 18", "paragraph 36"],
    ("condition", "crime-adult"): ["paragraph 10", "paragraph 18(3)"],
    ("confidentiality", "emergency-capable-adult"): ["check they can decide", "usually to be "
                                                     "respected", "someone else"],
    ("confidentiality", "inform"): ["do not need consent", "golden rule 3"],
    ("confidentiality", "public-interest"): ["public interest", "golden rule 5",
                                             "Mental Capacity Assessment", "undue influence"],
    ("confidentiality", "respect-refusal"): ["Adults with capacity have the right",
                                             "coercion, duress or undue influence",
                                             "does not by itself set aside"],
    ("confidentiality", "cannot-decide"): ["lack capacity", "best interests",
                                           "lasting power of attorney"],
    ("confidentiality", "unsafe-to-ask"): ["public interest", "Do not seek agreement"],
    ("confidentiality", "required-by-law"): ["paragraph 53", "undermine"],
}


@pytest.mark.parametrize(("where", "phrases"), MUST_SAY.items(), ids=lambda v: str(v))
def test_each_piece_of_advice_says_what_the_law_requires(where: tuple[str, str],
                                                        phrases: list[str]) -> None:
    text = _text(*where)
    for phrase in phrases:
        assert phrase in text, f"{where}: {phrase!r} missing"


def test_every_rule_names_a_structured_source() -> None:
    rules = [r for p in helper().parts for r in p.rules]
    assert len(rules) >= 40
    for rule in rules:
        refs = as_list(rule.source)
        assert refs and all(isinstance(ref, SourceRef) for ref in refs), rule.id
        assert all(ref.title and ref.publisher for ref in refs), rule.id  # type: ignore[union-attr]
        assert rule.law, f"{rule.id}: no 'Why, and the law' text"


def test_the_helper_is_labelled_and_links_the_ico_tool() -> None:
    assert "Not from the pack" in helper().label
    assert helper().tool.url and helper().tool.url.startswith("https://ico.org.uk/")
    assert "data protection lead" in helper().lead
    assert helper().law_label


# --- the state ----------------------------------------------------------------------------------


def test_no_result_until_every_question_is_answered() -> None:
    state = HelperState(helper())
    assert state.missing() == ["who", "about", "data", "urgent", "consent", "duty"]
    assert state.outcome() is None
    for question, option in [("who", "charity"), ("about", "child"), ("data", "special"),
                             ("urgent", "no"), ("consent", "risky")]:
        assert state.choose(question, option)
        assert state.outcome() is None
    assert state.missing() == ["duty"]
    assert state.choose("duty", "no")
    outcome = state.outcome()
    assert outcome is not None
    assert outcome.rule_ids == {"basis": "voluntary", "condition": "special-child",
                                "confidentiality": "unsafe-to-ask", "record": "always"}
    assert (outcome.condition, outcome.advice) == ("sch1-p18", "unsafe-to-ask")
    assert outcome.answers == (("who", "charity"), ("about", "child"), ("data", "special"),
                               ("urgent", "no"), ("consent", "risky"), ("duty", "no"))


def test_changing_an_answer_changes_the_result() -> None:
    state = HelperState(helper())
    for question, option in [("who", "charity"), ("about", "adult"), ("data", "special"),
                             ("urgent", "yes"), ("consent", "cannot"), ("duty", "no")]:
        state.choose(question, option)
    assert state.outcome().condition == "art9-2c"  # type: ignore[union-attr]
    state.choose("consent", "refused")
    assert state.outcome().condition == "art9-2c-if-incapable"  # type: ignore[union-attr]
    state.choose("about", "adult-at-risk")
    assert state.outcome().condition == "sch1-p18"  # type: ignore[union-attr]


def test_unknown_questions_and_options_are_refused() -> None:
    state = HelperState(helper())
    assert not state.choose("colour", "blue")
    assert not state.choose("who", "everyone")
    assert state.answers == {}
    state.choose("who", "public")
    state.clear()
    assert state.answers == {} and state.outcome() is None


def test_outcome_for_refuses_incomplete_or_wrong_answers() -> None:
    with pytest.raises(ValueError, match="not answered: consent, duty"):
        outcome_for(helper(), {"who": "public", "about": "child", "data": "ordinary",
                               "urgent": "no"})
    complete = {"who": "public", "about": "child", "data": "ordinary", "urgent": "no",
                "consent": "risky", "duty": "no"}
    with pytest.raises(ValueError, match="consent"):
        outcome_for(helper(), {**complete, "consent": "maybe"})


def test_the_outcome_of_each_path_is_the_first_matching_rule() -> None:
    """The rule order in the file matters: a later, wider rule never hides an earlier one."""
    reached = {(p.id, r.id) for a in all_answers(helper())
               for p, r in outcome_for(helper(), a).parts}
    every = {(p.id, r.id) for p in helper().parts for r in p.rules}
    assert reached == every, f"rules no answer reaches: {sorted(every - reached)}"
    assert len(list(itertools.chain.from_iterable(p.rules for p in helper().parts))) == len(every)
