"""The facilitator's widgets on their own: quiz/group.js (a question for a room) and
facilitator/timer.js (the discussion timer)."""

from __future__ import annotations

from _quiz_support import content, quiz

from infoshare_widgets import frontend
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
    words = GroupQuestionWords.from_content(content())
    marks = {item.locator(".is-gq-text").inner_text(): item.locator(".is-gq-mark").inner_text()
             for item in options.get_by_role("listitem").all()}
    assert marks == {o.text: words.right_answer if o.correct else words.wrong_answer
                     for o in quiz().questions[0].options}  # in words, not colour
    assert host.get_by_role("status").first.inner_text() == words.answer_shown
    assert widget_page.calls == []  # nothing set from the page


ORDER_URL = f"http://widgets.test/{frontend.ROUTE}/{frontend.version()}/ui/order.js"
# The room page open in this browser: it answers "which room?" and tells a room's code or its end.
ROOM_PAGE = """async ([url, id]) => {
  const order = await import(url);
  localStorage.setItem("infoshare-order-seed", "projectorseed");
  window.heard = [];
  window.roomPage = new BroadcastChannel("infoshare-room:/");
  window.roomPage.onmessage = (event) => window.heard.push(event.data);
  return { learner: order.shownOrder("projectorseed", id, 3),
           room: order.roomOrder("ABCD-EFGH", "quiz.q." + id, 3) };
}"""


def test_a_room_question_lists_its_options_in_the_rooms_order(widget_page) -> None:
    """On the projector the options come in the order the room's phones show (issue 23)."""
    widget = group_question()
    page = widget_page.page
    orders = page.evaluate(ROOM_PAGE, [ORDER_URL, widget.order_id])
    assert orders["learner"] != orders["room"]  # so the test tells the two apart
    host = widget_page.mount(widget)
    texts = host.locator(".is-gq-text")
    listed = [[widget.options[i] for i in order] for order in (orders["learner"], orders["room"])]
    page.wait_for_function("() => window.heard.length > 0")
    assert page.evaluate("window.heard") == [{"which": True}]  # it asks which room is open
    assert texts.all_inner_texts() == listed[0]  # no room yet: this browser's order
    page.evaluate("window.roomPage.postMessage({ room: 'abcd efgh' })")
    page.wait_for_function("want => [...document.querySelectorAll('.is-gq-text')]"
                           ".map(t => t.textContent).join() === want", arg=",".join(listed[1]))
    widget._handle_custom_msg({"event": "reveal"}, [])  # the answer stays by content index
    widget_page.sync(widget)
    right = host.locator(".is-gq-right .is-gq-text").all_inner_texts()
    assert right == [o.text for o in quiz().questions[0].options if o.correct]
    page.evaluate("window.roomPage.postMessage({ room: '' })")  # the room ended
    page.wait_for_function("want => [...document.querySelectorAll('.is-gq-text')]"
                           ".map(t => t.textContent).join() === want", arg=",".join(listed[0]))
    assert widget_page.sent == [] and not widget_page.errors


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
