"""The page wires the lawful-basis helper to the decision record, no browser: the helper's result
fills in the record's choices, and only choices the record offers."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from _shipped import shipped_content

from infoshare_widgets import pages
from infoshare_widgets.basis_helper import BasisHelperWidget
from infoshare_widgets.content import default_content_dir, load_content
from infoshare_widgets.decision_record.view import DecisionRecordView
from infoshare_widgets.pages.carry import carried_answers
from infoshare_widgets.ui.blocks import Parts, StaticHTML

SHIPPED = shipped_content()


def parts(section: str) -> tuple[BasisHelperWidget, DecisionRecordView]:
    part = pages.Page(section, SHIPPED).decision_record()
    assert isinstance(part, Parts)
    # the helper, then the record: its heading and warning, form and source (page HTML around)
    helper, header, record, source = part.children
    assert isinstance(helper, BasisHelperWidget) and isinstance(record, DecisionRecordView)
    assert isinstance(header, StaticHTML) and isinstance(source, StaticHTML)
    assert SHIPPED.decision_record.title in header.value  # type: ignore[union-attr]
    return helper, record


def answer(helper: BasisHelperWidget, **answers: str) -> None:
    helper.answers = answers
    helper._handle_custom_msg({"event": "show"}, [])
    assert helper.outcome is not None


def basis_name(basis_id: str) -> str:
    return next(b.name for b in SHIPPED.lawful_bases.bases  # type: ignore[union-attr]
                if b.id == basis_id)


def test_the_tips_page_shows_the_helper_with_its_carry_button_above_the_record() -> None:
    helper, _ = parts("tips")
    assert helper.use_label == SHIPPED.text("lawful_basis", "helper_use")


def test_the_what_is_it_page_helper_has_no_carry_button() -> None:
    box = pages.Page("what-is-it", SHIPPED).basis_helper()
    assert isinstance(box, widgets.VBox)
    (helper,) = box.children
    assert isinstance(helper, BasisHelperWidget)
    assert helper.use_label == ""


def sent_to_the_form(record: DecisionRecordView) -> list[dict]:
    """The messages the record sends its page (the form keeps its answers in the browser)."""
    sent: list[dict] = []
    record._form.send = lambda content, buffers=None: sent.append(content)  # type: ignore[method-assign]
    return sent


def test_using_the_result_fills_in_the_record() -> None:
    helper, record = parts("tips")
    sent = sent_to_the_form(record)
    answer(helper, who="charity", about="child", data="special", urgent="no", consent="risky",
           duty="no")
    helper._handle_custom_msg({"event": "use"}, [])
    (message,) = sent
    assert message["event"] == "suggest"
    answers = message["answers"]
    assert answers["lawful-basis"] == basis_name("recognised-legitimate-interests")
    assert answers["special-category"] == "Yes"
    assert answers["article-9-condition"].startswith("Schedule 1, paragraph 18")
    assert answers["safe-to-tell"].startswith("Yes, it would be unsafe")
    assert basis_name("recognised-legitimate-interests") in helper.status


def test_what_the_learner_typed_is_kept() -> None:
    """Only choice questions are suggested: a text box the learner typed in is never touched."""
    helper, record = parts("tips")
    sent = sent_to_the_form(record)
    answer(helper, who="public", about="child", data="ordinary", urgent="no",
           consent="safe-to-ask", duty="no")
    helper._handle_custom_msg({"event": "use"}, [])
    (message,) = sent
    text_questions = {item.id for item in record._record.items if item.kind != "choice"}
    assert text_questions and not text_questions & set(message["answers"])
    assert message["answers"]["lawful-basis"] == basis_name("public-task")
    assert message["answers"]["special-category"] == "No"
    assert message["answers"]["criminal-offence"] == "No"


def test_a_result_naming_no_basis_fills_in_no_basis_and_says_so() -> None:
    helper, record = parts("tips")
    sent = sent_to_the_form(record)
    answer(helper, who="unsure", about="adult", data="ordinary", urgent="no", consent="cannot",
           duty="no")
    helper._handle_custom_msg({"event": "use"}, [])
    assert all("lawful-basis" not in m["answers"] for m in sent)
    assert helper.status == SHIPPED.text("lawful_basis", "helper_no_record")


def test_crime_information_fills_in_the_article_10_question() -> None:
    """The record asks about crime information and its Article 10 condition, and the helper's
    result for a council reporting a suspected financial abuser fills both in."""
    helper, record = parts("tips")
    sent = sent_to_the_form(record)
    answer(helper, who="public", about="adult-at-risk", data="criminal", urgent="no",
           consent="risky", duty="no")
    helper._handle_custom_msg({"event": "use"}, [])
    (message,) = sent
    assert message["answers"]["criminal-offence"] == "Yes"
    assert message["answers"]["article-10-condition"].startswith("Schedule 1, paragraph 18")
    assert "special-category" not in message["answers"]
    assert message["answers"]["lawful-basis"] == basis_name("public-task")


def test_the_record_takes_only_choices_it_offers() -> None:
    _, record = parts("tips")
    taken = record.suggest({"lawful-basis": "Whatever I like", "special-category": "Yes",
                            "advice": "typed by someone else", "no-such-question": "Yes"})
    assert taken == {"special-category": "Yes"}


@pytest.mark.parametrize("rule", [r for p in SHIPPED.basis_helper.parts  # type: ignore[union-attr]
                                  for r in p.rules if r.record], ids=lambda r: r.id)
def test_every_carried_answer_is_a_choice_the_record_offers(rule) -> None:  # type: ignore[no-untyped-def]
    questions = {q.id: q for q in SHIPPED.decision_record.questions}  # type: ignore[union-attr]
    for question_id, choice in rule.record.items():
        assert question_id in questions, f"{rule.id}: no record question {question_id!r}"
        assert choice in (questions[question_id].choices or []), f"{rule.id}: {choice!r}"


def test_every_basis_a_result_names_is_a_lawful_basis() -> None:
    ids = {b.id for b in SHIPPED.lawful_bases.bases}  # type: ignore[union-attr]
    named = {b for p in SHIPPED.basis_helper.parts  # type: ignore[union-attr]
             for r in p.rules for b in r.bases}
    assert named and named <= ids


def test_carried_answers_without_a_record_is_just_the_rules() -> None:
    helper, _ = parts("tips")
    answer(helper, who="public", about="adult", data="special", urgent="yes", consent="cannot",
           duty="no")
    content = load_content(default_content_dir())
    content.decision_record = None
    carried = carried_answers(content, helper.outcome)
    assert "lawful-basis" not in carried
    assert carried["article-9-condition"].startswith("Article 9(2)(c)")
