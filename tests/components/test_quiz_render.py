"""Feedback HTML: the words a learner reads, the icon beside them, and nothing unescaped."""

from __future__ import annotations

import pytest
from _quiz_support import content, quiz, text_of

from infoshare_widgets.quiz.model import QuizState
from infoshare_widgets.ui.feedback import Feedback, Part, QuizWords
from infoshare_widgets.ui.feedback_html import feedback_html


@pytest.fixture
def words() -> QuizWords:
    return QuizWords.from_content(content())


@pytest.fixture
def state(words: QuizWords) -> QuizState:
    return QuizState(quiz(), words)


def test_right_answer_starts_with_correct_and_reads_on(state, words) -> None:
    html = feedback_html(state.check("consent-always", {1}), words)
    assert text_of(html).startswith("T correct Legal obligation or public task often fit.")
    assert text_of(html).endswith("Working Together 2023, paragraph 31.")
    # The icon beside the words (drawn by CSS from data-icon), not colour alone.
    assert f'data-icon="{words.correct_icon}"' in html
    assert words.wrong_icon not in html


def test_wrong_answer_starts_with_not_quite_and_names_the_right_one(state, words) -> None:
    html = feedback_html(state.check("consent-always", {2}), words)
    text = text_of(html)
    assert text.startswith("T not quite The same law covers adults and children.")
    assert f"{words.missed_single} No — you need a lawful basis — Legal obligation" in text
    assert f'data-icon="{words.wrong_icon}"' in html


def test_multiple_covers_every_chosen_option_and_every_one_missed(state, words) -> None:
    html = feedback_html(state.check("which-fit", {0, 3}), words)
    text = text_of(html)
    assert text.startswith("T not quite")
    assert f"{words.option_right} Legal obligation — Statutory duties." in text
    assert f"{words.option_wrong} Consent High threshold; can be withdrawn. Often not right." \
        in text
    assert f"{words.missed_multiple} Public task — Official functions." in text
    assert html.count(f'data-icon="{words.correct_icon}"') == 1  # the right option chosen
    assert html.count(f'data-icon="{words.wrong_icon}"') == 2  # the verdict and Consent


def test_block_feedback_follows_the_verdict(words) -> None:
    fb = Feedback("incorrect", words.not_quite, parts=(Part("A", False, "One.\n\nTwo."),))
    html = feedback_html(fb, words)
    assert ">T not quite</h4><p>One.</p>" in html
    assert text_of(html) == "T not quite One. Two."


def test_the_verdict_is_a_short_heading_then_the_detail(state, words) -> None:
    html = feedback_html(state.check("consent-always", {1}), words, level=3)
    assert html.startswith(f'<h3 class="is-q-verdict is-q-right" data-icon="{words.correct_icon}">'
                           f"{words.correct}</h3><p")
    assert feedback_html(state.check("consent-always", {1}), words, level=9).startswith("<h6")


def test_nothing_chosen_is_said_in_words(words) -> None:
    html = feedback_html(Feedback("empty", words.nothing_chosen), words)
    assert text_of(html) == f"{words.error_prefix} {words.nothing_chosen}"  # GOV.UK: "Error:"
    assert "data-icon" not in html


def test_no_feedback_is_empty(words) -> None:
    assert feedback_html(None, words) == ""


def test_text_is_escaped_and_markdown_sanitised(words) -> None:
    evil = "<img src=x onerror=alert(1)>"
    fb = Feedback("incorrect", words.not_quite, kind="multiple",
                  parts=(Part(evil, False, f"*Why* {evil}"),), missed_label=evil,
                  missed=(Part(evil, True),), explanation="<script>x()</script> **so**")
    html = feedback_html(fb, words)
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<em>Why</em>" in html and "<strong>so</strong>" in html
