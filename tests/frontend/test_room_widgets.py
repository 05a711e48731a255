"""The facilitator's widgets on their own: quiz/group.js (a question for a room) and
facilitator/timer.js (the discussion timer)."""

from __future__ import annotations

from _quiz_support import content, quiz

from infoshare_widgets.facilitator.view import DiscussionTimer, timer_widget
from infoshare_widgets.quiz.group import GroupQuestion, GroupQuestionWords


def group_question() -> GroupQuestion:
    return GroupQuestion(quiz().questions[0], GroupQuestionWords.from_content(content()))


def test_a_room_question_reveals_its_answer_in_words(widget_page) -> None:
    widget = group_question()
    host = widget_page.mount(widget)
    heading = host.get_by_role("heading", name="Do you always need consent to share?")
    assert heading.locator("em").inner_text() == "always"  # the prompt is (sanitised) HTML
    options = host.get_by_role("list", name="Do you always need consent to share?")
    assert options.get_by_role("listitem").count() == 3
    button = host.locator(".is-gq-button")
    assert button.get_attribute("aria-expanded") == "false"
    assert options.get_attribute("id") == button.get_attribute("aria-controls")
    button.focus()
    widget_page.page.keyboard.press("Enter")
    assert widget_page.sent == [{"event": "reveal"}]
    widget._handle_custom_msg({"event": "reveal"}, [])  # what the kernel does with it
    widget_page.sync(widget)
    assert button.get_attribute("aria-expanded") == "true"
    marks = options.locator(".is-gq-mark").all_inner_texts()
    words = GroupQuestionWords.from_content(content())
    assert marks == [words.wrong_answer, words.right_answer, words.wrong_answer]  # not colour
    assert host.get_by_role("status").first.inner_text() == words.answer_shown
    assert widget_page.calls == []  # nothing set from the page


def timer() -> DiscussionTimer:
    widget = timer_widget(content())
    assert isinstance(widget, DiscussionTimer)
    widget.minute_seconds = 0.5  # a minute lasts half a second here; the clock still says 05:00
    return widget


def test_the_timer_counts_down_pauses_and_says_when_time_is_up(widget_page) -> None:
    widget = timer()
    host = widget_page.mount(widget)
    group = host.get_by_role("group", name="T timer heading")
    clock = group.get_by_role("timer")
    first = widget.choices[0]
    assert clock.inner_text() == f"{first['minutes']:02d}:00"
    assert widget_page.page.evaluate("document.body.classList.contains('is-facilitator')")
    pause = group.get_by_role("button", name="T timer pause")
    assert pause.is_hidden()
    group.get_by_role("button", name=first["label"]).click()
    assert group.get_by_role("status").inner_text() == first["running"]
    pause.click()
    assert group.get_by_role("status").inner_text() == "T timer paused"
    stopped = clock.inner_text()
    widget_page.page.wait_for_timeout(700)
    assert clock.inner_text() == stopped and stopped != f"{first['minutes']:02d}:00"
    group.get_by_role("button", name="T timer resume").click()
    widget_page.page.wait_for_function(
        "(node) => node.textContent === '00:00'", arg=clock.element_handle(),
        timeout=first["minutes"] * 500 + 5000)
    assert group.get_by_role("status").inner_text() == first["done"]
    assert widget_page.sent == [] and widget_page.calls == []  # all in the browser
