"""The golden rules model: a card per rule, and the check of understanding as a quiz."""

from __future__ import annotations

from h4_samples import IMG, SCRIPT, assert_inert, golden_rules

from infoshare_widgets.golden_rules.model import RulesWording, check_quiz, rule_cards

WORDING = RulesWording(rule_heading="Rule {number}: {key_phrase}", check_title="Which rule?",
                       check_prompt="Which rule applies?",
                       check_answer="Rule {number} applies: {key_phrase}.")


def test_a_card_per_rule_key_phrase_first_full_text_on_demand() -> None:
    cards = rule_cards(golden_rules(), WORDING)
    assert [c.heading for c in cards] == [f"Rule {n}: Key phrase {n}" for n in range(1, 8)]
    first = cards[0].reveal
    assert first.visible == []
    first.press()
    assert first.visible == ["<p>The full text of rule 1.</p>\n"]


def test_continued_text_is_revealed_with_the_rule() -> None:
    last = rule_cards(golden_rules(), WORDING)[6].reveal
    last.press()
    assert last.visible == ["<p>The full text of rule 7.</p>\n",
                            "<p>More about rule 7 on the next page.</p>\n"]


def test_rule_text_is_sanitised() -> None:
    rules = golden_rules()
    data = rules.model_dump()
    data["rules"][0]["text"] = f"{IMG} {SCRIPT}"
    card = rule_cards(type(rules).model_validate(data), WORDING)[0]
    card.reveal.press()
    assert_inert(card.reveal.visible[0])


def test_checks_become_single_choice_questions_over_the_seven_rules() -> None:
    quiz = check_quiz(golden_rules("adults"), WORDING)
    assert quiz is not None
    assert (quiz.id, quiz.title, quiz.section) == ("golden-rules-adults", "Which rule?", "adults")
    first = quiz.questions[0]
    assert first.id == "check-one" and first.kind == "single"
    assert first.prompt == "A parent asks you not to tell anyone.\n\n**Which rule applies?**"
    assert [o.text for o in first.options] == [f"Rule {n}: Key phrase {n}" for n in range(1, 8)]
    assert [o.correct for o in first.options] == [n == 3 for n in range(1, 8)]


def test_feedback_says_why_and_names_the_right_rule_when_wrong() -> None:
    question = check_quiz(golden_rules(), WORDING).questions[1]  # rule 2
    assert question.options[1].feedback == "Rule 2 says seek advice."
    assert question.options[0].feedback == \
        "Rule 2 applies: Key phrase 2. Rule 2 says seek advice."


def test_no_checks_no_quiz() -> None:
    assert check_quiz(golden_rules(checks=[]), WORDING) is None
