"""Every one of the helper's answer sets, swept for three promises (the independent review of 6
December 2026). Checked by ids and by the decision-record choices the result fills in, never by
the wording shown to the learner.

(i)   A child: never explicit consent (Article 9(2)(a)) as the condition, and never paragraph 29
      (consent, for crime information) in the record. The pack, golden rule 3: you do not need
      consent to share if a child is at risk; the Jessie answer: inform them.
(ii)  An adult who is not at risk and can decide, and has said no or has not been asked yet: the
      record is never filled with a condition that overrides that (Schedule 1 paragraph 6, 10 or
      18). The questions cannot say that others are at risk; "information about crime" is the one
      answer that says a crime is involved, so it is let through. BMA, Adults at risk (June 2024);
      GMC Confidentiality (2017) paragraphs 50 to 55.
(iii) In an emergency, for an adult (at risk or not) who can decide and has said no or has not
      been asked, the lawful basis part carries the caveat `read-confidence-first`, so it never
      says "share now" against the duty of confidence part.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from infoshare_widgets.basis_helper import outcome_for
from infoshare_widgets.content import load_content
from infoshare_widgets.content.helper_models import LawfulBasisHelperFile, all_answers

ROOT = Path(__file__).resolve().parents[2]
CONDITION_CHOICES = ("article-9-condition", "article-10-condition")
OVERRIDING = re.compile(r"paragraph (6|10|18)\b")


@functools.cache
def helper() -> LawfulBasisHelperFile:
    content = load_content(ROOT / "content")
    assert content.basis_helper is not None, [str(p) for p in content.problems]
    return content.basis_helper


def _recorded(answers: dict[str, str]) -> dict[str, str]:
    recorded: dict[str, str] = {}
    for _, rule in outcome_for(helper(), answers).parts:
        recorded.update(rule.record)
    return recorded


def test_every_answer_set_is_swept() -> None:
    assert len(all_answers(helper())) == 1080


def test_a_child_is_never_asked_for_explicit_consent() -> None:
    wrong = []
    for answers in all_answers(helper()):
        if answers["about"] != "child":
            continue
        outcome = outcome_for(helper(), answers)
        recorded = " ".join(_recorded(answers).get(k, "") for k in CONDITION_CHOICES)
        if outcome.condition == "art9-2a" or "paragraph 29" in recorded:
            wrong.append(answers)
    assert not wrong, f"{len(wrong)} answer sets, e.g. {wrong[0]}"


def test_a_capable_adults_refusal_is_not_overridden_in_the_record() -> None:
    wrong = []
    for answers in all_answers(helper()):
        if (answers["about"] != "adult" or answers["consent"] not in ("refused", "safe-to-ask")
                or answers["data"] == "criminal"):
            continue
        recorded = _recorded(answers)
        hits = [recorded[k] for k in CONDITION_CHOICES if OVERRIDING.search(recorded.get(k, ""))]
        if hits:
            wrong.append((answers, hits))
    assert not wrong, f"{len(wrong)} answer sets, e.g. {wrong[0]}"


def test_an_emergency_basis_for_a_capable_adult_says_read_the_duty_of_confidence_first() -> None:
    wrong = []
    for answers in all_answers(helper()):
        if (answers["urgent"] != "yes" or answers["about"] == "child"
                or answers["consent"] not in ("refused", "safe-to-ask")):
            continue
        rule = outcome_for(helper(), answers).rule("basis")
        if answers["duty"] == "yes" and rule.bases[:1] == ["legal-obligation"]:
            # A law requires the disclosure (legal obligation; for a public body public task
            # too): the duty of confidence gives way to it.
            continue
        if "read-confidence-first" not in rule.caveats:
            wrong.append((answers, rule.id))
    assert not wrong, f"{len(wrong)} answer sets, e.g. {wrong[0]}"
