"""ui/question.js: one question as a fieldset of real inputs (replaces the source grep
test_quiz_view.py::test_front_end_is_semantic_html_in_its_own_files)."""

from __future__ import annotations

from _quiz_support import content

from infoshare_widgets import frontend
from infoshare_widgets.ui.feedback import QuizWords
from infoshare_widgets.ui.question import QuestionWidget

WORDS = QuizWords.from_content(content())
SCRIPT = "<img src=x onerror=alert(1)>"


def question(kind: str = "single") -> QuestionWidget:
    q = QuestionWidget(check=lambda chosen: None, words=WORDS, kind=kind,
                       options=[{"text": f"Yes {SCRIPT}"}, {"text": "No"}, {"text": "Maybe"}])
    q.prompt_html = "<p>Do you <em>always</em> need consent?</p>"
    q.hint = "Choose one answer."
    q.name = "Consent"
    return q


def test_a_named_group_of_labelled_radios_with_plain_text_options(widget_page) -> None:
    host = widget_page.mount(question())
    group = host.get_by_role("group", name="Do you always need consent?")
    assert group.evaluate("(node) => node.tagName") == "FIELDSET"
    radios = group.get_by_role("radio")
    assert radios.count() == 3
    # Option text is text: the script-like option is shown as written, and runs nothing.
    assert group.get_by_label(f"Yes {SCRIPT}").is_visible()
    assert host.locator("img").count() == 0
    assert group.get_attribute("aria-describedby") == host.locator(".is-q-hint").get_attribute("id")
    live = host.get_by_role("status")  # the feedback, then the quiz's summary (empty till the end)
    assert live.count() == 2 and live.last.inner_text() == ""
    assert live.first.get_attribute("aria-live") == "polite"
    assert not widget_page.errors


def test_the_quiz_summary_is_its_own_live_region_with_real_links(widget_page) -> None:
    host = widget_page.mount(question())
    summary = host.locator(".is-q-summary")
    assert summary.get_attribute("role") == "status" and summary.inner_text() == ""
    said = ('<p>1 of 3 best answers, 1 unsafe choice: revisit '
            '<a href="#is-rule-children-3">golden rule 3</a>.</p>')
    widget_page.from_kernel({"summary_html": said})
    summary.get_by_role("link", name="golden rule 3").focus()
    assert summary.get_by_role("link", name="golden rule 3").evaluate(
        "a => a === document.activeElement")
    assert summary.get_attribute("aria-live") == "polite"
    widget_page.from_kernel({"grade": "acceptable", "status": "incorrect"})
    assert host.locator(".is-q-feedback").get_attribute("data-grade") == "acceptable"


def test_next_and_previous_are_named_by_the_question_they_show(widget_page) -> None:
    q = question()
    q.previous_label, q.next_label = WORDS.previous_question, WORDS.next_question
    q.previous_to, q.next_to = "A father asks", "A mother says no"
    host = widget_page.mount(q)
    # Where each goes, visible words first (WCAG 2.5.3); never the question they sit under.
    host.get_by_role("button", name=f"{WORDS.next_question}: A mother says no",
                     exact=True).click()
    host.get_by_role("button", name=f"{WORDS.previous_question}: A father asks",
                     exact=True).click()
    assert widget_page.sent == [{"event": "next"}, {"event": "previous"}]
    assert host.get_by_role("button", name=f"{WORDS.next_question}: Consent").count() == 0
    # The last question: no Next button at all.
    widget_page.from_kernel({"next_label": "", "next_to": ""})
    assert host.locator(".is-q-next").is_hidden()


def test_multiple_choice_is_checkboxes(widget_page) -> None:
    host = widget_page.mount(question("multiple"))
    assert host.get_by_role("checkbox").count() == 3 and host.get_by_role("radio").count() == 0


def test_a_click_sets_chosen_and_check_sends_the_choice(widget_page) -> None:
    host = widget_page.mount(question())
    host.get_by_label("Maybe").click()
    assert widget_page.calls == [["set", "chosen", [2]], ["save_changes"]]
    # The button's name ends with the question's name (unique on the page), visible words first.
    host.get_by_role("button", name=f"{WORDS.check}: Consent").click()
    assert widget_page.sent == [{"event": "check", "chosen": [2]}]


def test_the_keyboard_alone_chooses_checks_and_tries_again(widget_page) -> None:
    host = widget_page.mount(question())
    page = widget_page.page
    page.keyboard.press("Tab")  # the first radio
    page.keyboard.press("ArrowDown")  # the browser moves the choice: no key handling of ours
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == WORDS.check
    # The focus ring: 3px solid, offset 2px (components.css), on the focused button.
    assert widget_page.page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineOffset]; })()") == \
        ["solid", "3px", "2px"]
    page.keyboard.press("Enter")
    assert widget_page.sent == [{"event": "check", "chosen": [1]}]
    widget_page.from_kernel({"status": "incorrect", "checks": 1,
                             "feedback_html": "<p><strong>Not quite</strong></p>"})
    assert host.get_by_role("status").first.inner_text() == "Not quite"
    retry = host.get_by_role("button", name=f"{WORDS.try_again}: Consent")
    retry.focus()
    page.keyboard.press("Space")
    assert widget_page.sent[-1] == {"event": "try_again"}
    assert host.get_by_role("radio", checked=True).count() == 0  # cleared at once
    assert page.evaluate("document.activeElement.type") == "radio"  # the focus goes back


def test_targets_are_large_and_a_fieldset_fits_a_narrow_screen(widget_page) -> None:
    widget_page.page.set_viewport_size({"width": 320, "height": 700})
    host = widget_page.mount(question())
    for selector in (".is-q-check", ".is-q-option", ".is-q-label"):
        assert float(widget_page.style(selector, "min-height").removesuffix("px")) >= 44, selector
    assert widget_page.style("fieldset", "min-width") == "0px"
    width = host.evaluate("(node) => [node.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1]


# ui/order.js (issue 23): the options' shown order, a seeded permutation made in the browser.
ORDER_URL = f"http://widgets.test/{frontend.ROUTE}/{frontend.version()}/ui/order.js"
ORDER_FACTS = """async (url) => {
  const m = await import(url);
  const seeds = Array.from({ length: 600 }, (_, k) => `seed${k}`);
  const four = seeds.map((s) => m.shownOrder(s, "q1", 4));
  const firsts = [0, 1, 2, 3].map((i) => four.filter((o) => o[0] === i).length);
  const made = m.learnerSeed();
  return {
    again: JSON.stringify(four) === JSON.stringify(seeds.map((s) => m.shownOrder(s, "q1", 4))),
    permutations: [0, 1, 2, 5, 9].every((n) => seeds.slice(0, 50).every((s) =>
      JSON.stringify([...m.shownOrder(s, "q", n)].sort((a, b) => a - b)) ===
      JSON.stringify([...Array(n).keys()]))),
    distinct: new Set(four.map((o) => o.join())).size,
    firsts,
    otherId: four.filter((o, k) => o.join() !== m.shownOrder(seeds[k], "q2", 4).join()).length,
    sameQuestion: m.shownOrder("s", "quiz.safe.q1", 7).join() === m.shownOrder("s", "q1", 7).join(),
    noSeed: m.shownOrder("", "q1", 4).join() + "|" + m.shownOrder("s", "", 4).join(),
    room: m.roomOrder("abcd efgh", "quiz.x.q1", 6).join() ===
      m.shownOrder("room:ABCDEFGH", "q1", 6).join(),
    roomDiffers: m.roomSeed("ABCD-EFGH") !== m.roomSeed("ABCD-EFGJ"),
    caseKept: m.roomOrder("ABCD-EFGH", "case.c.p", 3).join(),
    made, kept: localStorage.getItem("infoshare-order-seed"), again2: m.learnerSeed(),
  };
}"""


def test_the_shown_order_is_a_seeded_permutation(widget_page) -> None:
    facts = widget_page.page.evaluate(ORDER_FACTS, ORDER_URL)
    assert facts["again"] and facts["permutations"]  # stable, and always a permutation
    assert facts["distinct"] == 24  # every order of four options occurs across seeds
    assert all(110 <= n <= 190 for n in facts["firsts"]), facts["firsts"]  # ~150 each: unbiased
    assert facts["otherId"] > 400  # another question, another order (mostly)
    assert facts["sameQuestion"]  # "quiz.safe.q1" is q1 on the projector and the phones
    assert facts["noSeed"] == "0,1,2,3|0,1,2,3"  # no seed or no id: the content's order
    assert facts["room"] and facts["roomDiffers"]  # a room's code however typed
    assert facts["caseKept"] == "0,1,2"  # a case study's scale keeps its order
    # The learner's seed: made once in this browser, kept, the same the next time.
    assert len(facts["made"]) >= 8 and facts["kept"] == facts["made"] == facts["again2"]


# A seed under which the question's three options all move (found in the page, by the module).
DERANGING_SEED = """async ([url, id]) => {
  const m = await import(url);
  for (let k = 0; k < 1000; k += 1) {
    const order = m.shownOrder(`frontseed${k}`, id, 3);
    if (order.every((i, at) => i !== at)) {
      localStorage.setItem("infoshare-order-seed", `frontseed${k}`);
      return [`frontseed${k}`, order];
    }
  }
  return ["", [0, 1, 2]];
}"""


def test_options_in_the_learners_order_keep_their_content_indices(widget_page) -> None:
    page = widget_page.page
    seed, order = page.evaluate(DERANGING_SEED, [ORDER_URL, "consent"])
    assert seed, "no seed moves every option: the order is not shuffled"
    q = question()
    q.order_id = "consent"
    host = widget_page.mount(q)
    texts = [o["text"] for o in q.options]
    # The DOM order is the shown order; each option's text is still its radio's label.
    group = host.get_by_role("group", name="Do you always need consent?")
    radios = group.get_by_role("radio")
    assert radios.evaluate_all("rs => rs.map(r => Number(r.value))") == order
    assert [radios.nth(k).evaluate("r => r.labels[0].textContent") for k in range(3)] == \
        [texts[i] for i in order]
    # The arrow keys move in the shown order; what is set and sent are content indices.
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert widget_page.calls[-2:] == [["set", "chosen", [order[1]]], ["save_changes"]]
    group.get_by_label(texts[order[2]]).click()
    assert widget_page.calls[-2] == ["set", "chosen", [order[2]]]
    host.get_by_role("button", name=f"{WORDS.check}: Consent").click()
    assert widget_page.sent == [{"event": "check", "chosen": [order[2]]}]
    # Progress put back by content index lands on that option, wherever it is shown.
    widget_page.from_kernel({"chosen": [0], "restored": True})
    assert radios.nth(order.index(0)).is_checked()
    assert radios.evaluate_all("rs => rs.filter(r => r.checked).length") == 1
    # "Try again" puts the focus on the first option shown.
    widget_page.from_kernel({"status": "incorrect", "checks": 1, "restored": False})
    host.get_by_role("button", name=f"{WORDS.try_again}: Consent").click()
    assert page.evaluate("document.activeElement.value") == str(order[0])
    # Nothing of the seed leaves the page.
    assert seed not in repr(widget_page.sent) + repr(widget_page.calls)
    assert not widget_page.errors
