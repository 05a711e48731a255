"""The presenter view and the audience window in the real app (issue 24): two windows in one
browser context, every step of every shipped plan walked by keyboard at projector sizes. The
audience never holds notes, answers to come or the room's key; every step fits its window in
large type; axe is clean on both windows; a reload of either window keeps the place."""

from __future__ import annotations

import json
import os
import re

import pytest
from _present_support import (
    AUDIENCE_JS,
    FOLLOW_MS,
    GUIDE_IMAGES,
    MEASURE_ALL_JS,
    SIZES,
    axe_clean,
    follows,
    secrets_for,
    unrevealed,
)
from _shipped import shipped_content

from infoshare_widgets.room_store.session_results import wall_counts

CONTENT = shipped_content()
WORDS = {k: CONTENT.text("facilitator", k) for k in CONTENT.ui.facilitator}  # type: ignore
PLANS = [p.id for p in CONTENT.session_plans.plans]  # type: ignore[union-attr]


ORDER_JS = """async ([code, id, count]) => {
  const order = await import(new URL(document.body.dataset.order, location.href).href);
  const shown = [...document.querySelectorAll('.is-present-options li')]
    .map((li) => Number(li.dataset.index));
  return JSON.stringify(shown) === JSON.stringify(order.roomOrder(code, id, count));
}"""
LISTEN_JS = """() => { window.sentHere = [];
  new BroadcastChannel(`infoshare-present:${new URL('../', location.href).pathname}`)
    .onmessage = (event) => { if (event.data.show) window.sentHere.push(event.data.show); }; }"""


def test_the_presenter_pages_are_served_with_the_site_policy(app_server) -> None:
    assert PLANS  # refuses to pass on no plans
    for path in ("/present", f"/present?plan={PLANS[0]}", "/present?section=what-is-it",
                 "/present/audience"):
        status, headers, body = app_server.raw_get(path)
        assert status == 200, path
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert 'href="/' not in body.decode() and 'src="/' not in body.decode()
    assert app_server.raw_get("/present?plan=no-such-plan")[0] == 404
    assert app_server.raw_get("/present/join.svg?code=<x>")[0] == 404
    status, headers, _ = app_server.raw_get("/present/join.svg?code=ABCD-2345")
    assert status == 200 and headers["Content-Type"] == "image/svg+xml"


# The room the walks share: an address may start 5 rooms, then one a minute, and the room tests
# on the same server start theirs too. A later walk's host page takes the room over by its
# "#secret" link, as a facilitator's old link does (host.js reads it once, then hides it).
SHARED_ROOM: dict[str, str] = {}


def open_room(context: object, url: str) -> tuple[object, str, str]:
    host = context.new_page()  # type: ignore[attr-defined]
    if SHARED_ROOM.get("url") == url:
        host.goto(f"{url}/room/host#{SHARED_ROOM['secret']}")
    else:
        host.goto(f"{url}/room/host")
        host.get_by_role("button", name=WORDS["room_start"]).click()
    host.locator("#code").filter(has_text="-").wait_for()
    secret = host.evaluate("Object.values(sessionStorage).join()")
    SHARED_ROOM.update(url=url, secret=secret)
    assert "#" not in host.url  # the key is not left in the address
    return host, host.locator("#code").inner_text(), secret


@pytest.mark.parametrize("size", ["1280x720", "1536x864@1.25", "1280x720@1.5"])
def test_every_plan_walked_by_keyboard_on_two_windows(app_server, browser, size) -> None:
    """At each size a trainer's screen has (1280 x 720; a 1080p laptop at 125 % and at 150 %):
    every step of every plan, pressed in one pair of windows (the presenter goes from plan to
    plan; the audience window stays open), what the audience holds checked at each step, fit
    and type size, axe once a kind; then the one-evaluate measure agrees with the walk's."""
    width, height, scale, _ = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  device_scale_factor=scale, bypass_csp=True)
    try:
        host, code, secret = open_room(context, app_server.url)
        presenter, audience = open_both(browser, context, app_server.url, PLANS[0], code, size)
        walked: list[tuple[int, int]] = []
        steps_of: list[dict] = []
        kinds: set[str] = set()  # axe once a kind of step, on both windows
        for n, plan in enumerate(PLANS):
            if n:  # the next plan in the same presenter window; the audience follows it
                presenter.goto(f"{app_server.url}/present?plan={plan}")
                presenter.locator("#live").filter(has_text=code).wait_for()
                presenter.locator("body").focus()
                presenter.keyboard.press("ArrowRight")
                follows(audience, 1)
                presenter.keyboard.press("ArrowLeft")
            steps_of += walk((presenter, audience, host), plan, code, secret, (walked, kinds),
                             size)
        assert {"title", "text", "question", "answer", "prompt", "point", "timer"} <= kinds
        sent = audience.evaluate("window.sentHere")
        assert len(sent) >= len(steps_of) - 9 and all(
            set(m["step"]) == {"kind", "html", "minutes", "question"} for m in sent)
        measured = audience.evaluate(MEASURE_ALL_JS, [steps_of, code])
        assert [tuple(m[0::2]) for m in measured] == walked  # the same heights and type sizes
    finally:
        context.close()


def plan_steps(app_server, plan: str) -> list[dict]:  # noqa: ANN001
    """A plan's steps as its presenter view carries them (the page's JSON, no browser)."""
    body = app_server.raw_get(f"/present?plan={plan}")[2].decode()
    return json.loads(re.search(r'id="present-steps">(.*?)</script>', body, re.S)[1])


@pytest.mark.parametrize("size", ["1920x1080"])
def test_every_step_fits_in_large_type_at_each_size(app_server, browser, size) -> None:
    """Fit and type size of every step of every plan at 1920 x 1080 (32 px): each step drawn
    in the audience window by its own `Stage.show` (the code the channel calls), all in one
    evaluate; the keyboard walks check that this measures what a press shows."""
    width, height, scale, least = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  device_scale_factor=scale)
    try:
        audience = context.new_page()
        audience.goto(f"{app_server.url}/present/audience")
        audience.wait_for_function("Boolean(window.Stage && window.Stage.show)")
        assert audience.evaluate("[innerWidth, devicePixelRatio]") == [width, scale]
        steps = [s for plan in PLANS for s in plan_steps(app_server, plan)]
        measured = audience.evaluate(MEASURE_ALL_JS, [steps, "ABCD-2345"])
        wrong = [(size, step["label"], m) for step, m in zip(steps, measured, strict=True)
                 if m[0] > m[1] or m[2] < least]
        assert len(measured) == len(steps) and wrong == []
    finally:
        context.close()


def phone_joins(browser: object, url: str, code: str) -> None:
    phones = browser.new_context()  # type: ignore[attr-defined]
    phone = phones.new_page()
    phone.goto(f"{url}/room")
    phone.locator("#code").fill(code)
    phone.keyboard.press("Enter")
    phone.locator("#follow").wait_for()
    phones.close()


def open_both(browser, context, url, plan, code, size):  # noqa: ANN001, ANN201
    """The presenter view of ``plan`` (the room's code and counts in it) and its audience."""
    width, _, scale, _ = SIZES[size]
    presenter = context.new_page()
    presenter.goto(f"{url}/present?plan={plan}")
    presenter.locator("#live").filter(has_text=code).wait_for()  # the room's code, not its key
    phone_joins(browser, url, code)  # the presenter shows the room's counts
    presenter.locator("#live").filter(has_text=re.compile(r"[1-9][0-9]* devices")).wait_for()
    with context.expect_page() as opened:
        presenter.get_by_role("button", name=WORDS["present_open_audience"]).click()
    audience = opened.value
    follows(audience, 0)
    assert audience.evaluate("[innerWidth, devicePixelRatio]") == [width, scale]
    return presenter, audience


def press(presenter: object, audience: object, i: int, first: bool) -> None:
    """Step ``i`` by keyboard (once from the audience window, as a clicker would); on the way
    through the first plan, both windows reloaded once."""
    if i == 5 and first:  # a clicker pressed while the audience window has the focus
        audience.keyboard.press("PageDown")  # type: ignore[attr-defined]
    else:
        presenter.keyboard.press("PageDown" if i % 2 else "ArrowRight")  # type: ignore
    if i == 7 and first:  # either window reloaded keeps the place
        audience.reload()  # type: ignore[attr-defined]
        follows(audience, i)
        presenter.reload()  # type: ignore[attr-defined]
        presenter.locator("#position").filter(has_text=str(i + 1)).wait_for()  # type: ignore
        follows(audience, i)
        audience.evaluate(LISTEN_JS)  # from here on, what the audience window is sent


CHART_JS = """() => [...document.querySelectorAll('.is-present-options li')].map(
  (li) => [Number(li.dataset.index), li.querySelector('.is-present-count')?.textContent || '',
           li.style.getPropertyValue('--is-share')])"""


def live_chart(windows, step, code) -> None:  # noqa: ANN001
    """Asked for, the room's counts on the audience window: on the question's options in the
    room's order, in words, fitting the window, axe clean; hidden again when asked. The room's
    page sends the wall's counts as the server makes them (`session_results.wall_counts`), all
    or none (the DPO): three, then eight answered while voting is open, words only; closed,
    eight split 6 and 2, words only (no count, total, share or bar); closed with every option
    chosen by 5 or more, each count, total and share."""
    presenter, audience, host = windows
    count = step["question"]["count"]
    chart = presenter.get_by_role("button", name=WORDS["present_chart"])

    def live(counts: list[int], phase: str) -> None:  # what the room's page sends (no key)
        wall = wall_counts(counts, sum(counts), phase)
        host.evaluate("""([id, wall]) => new BroadcastChannel(
          `infoshare-room:${new URL('../', location.href).pathname}`).postMessage(
          {live: {devices: 9, question: id, ...wall}})""", [step["question"]["id"], wall])

    def words_only(key: str) -> None:  # the wall's message, and no count or bar
        said = audience.get_by_text(CONTENT.text("facilitator", key))
        said.wait_for()
        assert audience.locator(".is-present-count, .is-present-counted").count() == 0
        assert audience.evaluate("document.getElementById('main').scrollHeight <= innerHeight")
        chart.click()
        said.wait_for(state="detached")

    live([2, 1] + [0] * (count - 2), "open")  # three answered, voting open
    presenter.locator("#live").filter(has_text=WORDS["present_live"].format(
        devices=9, answered=3)).wait_for()
    chart.click()
    words_only("present_chart_after_close")
    split = [6, 2] + [0] * (count - 2)
    live(split, "open")  # eight answered, still open: the 5th answer told nothing
    presenter.locator("#live").filter(has_text=WORDS["present_live"].format(
        devices=9, answered=8)).wait_for()
    chart.click()
    words_only("present_chart_after_close")
    live(split, "closed")  # closed, but 2 chose B: in a room of about 9 that is a person
    chart.click()
    axe_clean(audience)
    words_only("present_chart_withheld")
    counts = [6] + [5] * (count - 1)  # every option 5 or more: every count, total and share
    answered = sum(counts)
    live(counts, "closed")
    chart.click()
    audience.locator(".is-present-count").nth(count - 1).wait_for()
    for index, words, share in audience.evaluate(CHART_JS):
        percent = int(100 * counts[index] / answered + 0.5)
        assert words == " — " + WORDS["present_chart_count"].format(
            count=counts[index], answered=answered, percent=percent), (index, words)
        assert share == f"{percent}%", (index, share)
    assert audience.evaluate("document.getElementById('main').scrollHeight <= innerHeight")
    audience.wait_for_function(ORDER_JS, arg=[code, step["question"]["id"], count])
    axe_clean(audience)
    chart.click()
    audience.locator(".is-present-count").first.wait_for(state="detached")
    presenter.locator("body").focus()


def kind_shown(audience: object, step: dict, code: str, checked: set[str]) -> None:
    """What a room, timer or question step shows besides its HTML."""
    if step["kind"] == "room":
        assert audience.locator(".is-present-code").inner_text() == code  # type: ignore
        assert audience.locator("img").get_attribute("src").endswith(code)  # type: ignore
    if step["kind"] == "timer":  # counting down, in words
        assert audience.locator(".is-present-countdown").inner_text()  # type: ignore
    if step["kind"] == "question" and step["question"] and "order" not in checked:
        checked.add("order")  # the options in the room's order, as on the phones
        audience.wait_for_function(ORDER_JS, arg=[  # type: ignore[attr-defined]
            code, step["question"]["id"], step["question"]["count"]])


def walk(windows, plan, code, secret, seen_so_far, size) -> list[dict]:  # noqa: ANN001
    """Every step of ``plan`` by keyboard; each one's (height, type size) added to ``walked``,
    axe run on the audience window for a kind of step not in ``checked_kinds`` yet."""
    walked, checked_kinds = seen_so_far
    presenter, audience, host = windows
    least = SIZES[size][3]
    first = plan == PLANS[0]
    steps = presenter.evaluate("JSON.parse(document.getElementById('present-steps').textContent)")
    assert len(steps) > 10
    if first:
        axe_clean(presenter)
    hidden_texts = unrevealed(steps)
    presenter.locator("body").focus()
    for i, step in enumerate(steps):
        if i:
            press(presenter, audience, i, first)
        seen = audience.evaluate(AUDIENCE_JS, [i, FOLLOW_MS])
        assert seen["index"] == i, f"the audience window did not follow to step {i}"
        for hidden in secrets_for(step, hidden_texts):
            assert hidden not in seen["text"], (i, step["label"], hidden)
        assert secret not in seen["html"] + seen["storage"] + seen["address"] + presenter.url
        assert ("is-present-right" in seen["html"]) == (step["kind"] == "answer"), step["label"]
        assert seen["tall"] <= seen["high"], f"step {i} ({step['label']}) is too tall"
        assert seen["least"] >= least, (step["label"], seen["least"])
        walked.append((seen["tall"], seen["least"]))
        if step["kind"] == "question" and step["question"] and "chart" not in checked_kinds:
            checked_kinds.add("chart")
            live_chart((presenter, audience, host), step, code)
        kind_shown(audience, step, code, checked_kinds)
        if step["kind"] not in checked_kinds:
            checked_kinds.add(step["kind"])
            axe_clean(audience)
            if (first and size == "1280x720" and step["kind"] == "question"
                    and os.environ.get("INFOSHARE_GUIDE_IMAGES")):
                GUIDE_IMAGES.mkdir(exist_ok=True)
                presenter.screenshot(path=GUIDE_IMAGES / "presenter-view.png")
                audience.screenshot(path=GUIDE_IMAGES / "audience-window.png")
    return steps


def test_a_facilitator_page_offers_present_and_one_screen_hides_the_notes(app_server,
                                                                         context) -> None:
    page = context.new_page()
    page.goto(app_server.section_url("what-is-it", "mode=facilitator"))
    page.get_by_role("link", name=WORDS["present"]).click()
    page.wait_for_url("**/present?section=what-is-it")
    page.locator("#notes").filter(has_text="key messages").wait_for()
    page.get_by_role("button", name=WORDS["present_one_screen"]).click()
    assert not page.locator("#notes").is_visible()
    assert page.locator("#stage").is_visible()
    page.keyboard.press("PageDown")
    page.locator('#stage[data-index="1"]').wait_for()
    page.keyboard.press("Escape")
    assert page.locator("#notes").is_visible()
    axe_clean(page)
