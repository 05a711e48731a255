"""Live rooms in the real app (issue 17): the pages and API behind the server's guard, a
facilitator and a learner in Chromium (keyboard for the learner, axe on both pages at each step),
and no address in the server's log lines for rooms."""

from __future__ import annotations

import csv
import io
import json
import re
import time

from _app_support import (
    ROOM_ORGANISATION,
    ROOM_PRIVACY_PATH,
    describe_violations,
    open_page,
    run_axe,
)
from _shipped import shipped_content
from markupsafe import escape

from infoshare_widgets.app.room.results_download import HEADER_KEYS
from infoshare_widgets.content.question_ids import confidence_id
from infoshare_widgets.room_store.questions import catalogue

CONTENT = shipped_content()
WORDS = {k: CONTENT.text("facilitator", k) for k in CONTENT.ui.facilitator}  # type: ignore
SINGLE = [q for q in catalogue(CONTENT).questions.values()
          if q.id.startswith("quiz.") and not q.multiple]
# The room's order of each question's options (ui/order.js, as the room pages load it).
ORDERS_JS = """async ([code, questions]) => {
  const order = await import(new URL(document.body.dataset.order, location.href).href);
  return questions.map(([id, count]) => order.roomOrder(code, id, count));
}"""
SHOWN_JS = "node => [...node.querySelectorAll('input')].map(i => Number(i.value))"


def room_orders(page: object, code: str, questions: list) -> list[list[int]]:
    return page.evaluate(ORDERS_JS, [code, [[q.id, len(q.options)] for q in questions]])


def test_the_room_pages_are_served_with_the_site_policy(app_server) -> None:
    for path in ("/room", "/room/host"):
        status, headers, body = app_server.raw_get(path)
        assert status == 200, path
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        html = body.decode()
        assert not re.search(r'<script(?![^>]*(\bsrc=|type="application/json"))', html)
        assert 'href="/' not in html and 'src="/' not in html  # relative: a base path works
    assert app_server.raw_get("/room/static/nothing.js")[0] == 404


def axe_clean(page: object) -> None:
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)


def test_the_phone_page_says_who_runs_the_site_and_links_its_privacy_notice(app_server,
                                                                           browser) -> None:
    """The shared server is started with --organisation and --privacy-notice-url (conftest):
    the phone page and the facilitator's start text name it, escaped, and link its notice in
    the same tab; the hardened server, without them, names no one (below)."""
    said = WORDS["room_controller"].replace("{organisation}", ROOM_ORGANISATION)
    link_text = WORDS["room_privacy_link"].replace("{organisation}", ROOM_ORGANISATION)
    notice = f"{app_server.url}{ROOM_PRIVACY_PATH}"
    html = app_server.raw_get("/room")[2].decode()
    assert str(escape(ROOM_ORGANISATION)) in html and ROOM_ORGANISATION not in html
    phone_context = browser.new_context(viewport={"width": 400, "height": 800})
    try:
        phone = phone_context.new_page()
        phone.goto(f"{app_server.url}/room")
        who = phone.locator("#who-runs")
        assert who.locator("p").all_inner_texts() == [said, link_text]
        link = who.get_by_role("link", name=link_text, exact=True)
        assert link.get_attribute("href") == notice and link.get_attribute("target") is None
        assert WORDS["room_controller_ask"] not in phone.content()
        axe_clean(phone)
        link.click()
        phone.wait_for_url(notice)
        assert phone_context.pages == [phone]  # the same tab
        host = phone_context.new_page()
        host.goto(f"{app_server.url}/room/host")
        start = host.locator("#start #who-runs")
        assert start.locator("p").all_inner_texts() == [said, link_text]
        assert start.get_by_role("link", name=link_text).get_attribute("href") == notice
        axe_clean(host)
    finally:
        phone_context.close()


def test_without_the_settings_the_phone_page_names_no_organisation(hardened_server,
                                                                    browser) -> None:
    phone_context = browser.new_context(viewport={"width": 400, "height": 800})
    try:
        phone = phone_context.new_page()
        phone.goto(f"{hardened_server.url}/room")
        who = phone.locator("#who-runs")
        assert who.inner_text().strip() == WORDS["room_controller_ask"]
        assert phone.locator("a").count() == 0
        assert WORDS["room_controller"].replace("{organisation}", "") not in phone.content()
        axe_clean(phone)
        host = phone_context.new_page()
        host.goto(f"{hardened_server.url}/room/host")
        assert (host.locator("#start #who-runs").inner_text().strip()
                == WORDS["room_controller_ask_host"])
        axe_clean(host)
    finally:
        phone_context.close()


def test_a_facilitator_and_a_learner_in_a_room(app_server, browser, context) -> None:
    host = context.new_page()
    host.goto(f"{app_server.url}/room/host")
    axe_clean(host)
    host.get_by_role("button", name=WORDS["room_start"]).click()
    code = host.locator("#code")
    code.filter(has_text=re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")).wait_for()
    assert host.locator("#qr").get_attribute("src").startswith("data:image/svg+xml")
    assert host.locator("#address").inner_text() == f"{app_server.url}/room"
    # the room's key is kept in this tab, never in the address bar (probe, issue 27: a photo of
    # the projected address was enough to end the room); a reload keeps the room
    secret = host.evaluate("Object.values(sessionStorage).join()")
    assert len(secret) > 20 and "#" not in host.url and secret not in host.url
    host.reload()
    code.filter(has_text=re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")).wait_for()
    # A question the room's code shows out of the content's order, its key moved (issue 23).
    orders = room_orders(host, code.inner_text(), SINGLE)
    question, order = next((q, o) for q, o in zip(SINGLE, orders, strict=True)
                           if o.index(min(q.correct)) != min(q.correct))
    right = min(question.correct)
    step = next(k for k, i in enumerate(order) if i != right)  # arrow presses to a wrong one
    wrong = order[step]
    host.locator("#pick").select_option(question.id)
    host.get_by_role("button", name=WORDS["room_ask"]).click()
    host.locator("#phase").filter(has_text=WORDS["room_open"]).wait_for()
    axe_clean(host)

    learner_context = browser.new_context(viewport={"width": 400, "height": 800})
    try:
        learner = learner_context.new_page()
        learner.goto(f"{app_server.url}/room")
        axe_clean(learner)
        learner.get_by_label(WORDS["room_code_label"]).fill("wrong")
        learner.keyboard.press("Enter")
        learner.locator("#code-error").filter(has_text=WORDS["room_no_such_code"]).wait_for()
        learner.get_by_label(WORDS["room_code_label"]).fill(code.inner_text().lower())
        learner.keyboard.press("Enter")
        options = learner.locator("input[name=option]")
        options.first.wait_for()
        assert options.count() == len(question.options)
        # The phone (another context) shows the room's order, the projector's chart the same;
        # each option's value stays its index in the content.
        assert learner.locator("#options").evaluate(SHOWN_JS) == order
        shown_texts = [question.options[i] for i in order]
        assert learner.locator("#options label").all_inner_texts() == shown_texts
        assert host.locator("#chart .is-room-label").all_inner_texts() == shown_texts
        axe_clean(learner)
        # by keyboard: focus the first option, arrow (in the shown order) to the one wanted,
        # send with Enter
        options.first.focus()
        learner.keyboard.press("Space")
        for _ in range(step):
            learner.keyboard.press("ArrowDown")
        learner.keyboard.press("Enter")
        status = learner.locator("#follow-status")
        status.filter(has_text=WORDS["room_sent"]).wait_for()
        number = WORDS["room_your_number"].replace("{number}", "1")
        learner.locator("#number").filter(has_text=number).wait_for()
        # The phone reloaded: the same order (the code is kept with its token), its answer back
        # on the option it chose.
        learner.reload()
        learner.locator(f'input[value="{wrong}"]:checked').wait_for()
        assert learner.locator("#options").evaluate(SHOWN_JS) == order

        assert learner.locator(f'input[value="{wrong}"]').is_checked()
        number = host.locator("#chart li").nth(step).locator(".is-room-number")
        number.filter(has_text="1 (100%)").wait_for()
        # the counts in words too, announced politely (a status region, at most every 5 s)
        announce = host.locator("#announce[role=status]")
        announce.filter(has_text=f"{question.options[wrong]}: 1").wait_for(state="attached")
        assert WORDS["room_announce"] in announce.inner_text()
        host.get_by_role("button", name=WORDS["room_close"]).click()
        status.filter(has_text=WORDS["room_closed"]).wait_for()
        assert learner.locator(f'input[value="{right}"]').is_disabled()
        host.get_by_role("button", name=WORDS["room_reveal"]).click()
        learner.locator(".is-room-right").first.wait_for()
        shown_right = order.index(right)
        assert WORDS["room_right"] in learner.locator(".is-room-option").nth(shown_right) \
            .inner_text()
        assert WORDS["room_right"] in host.locator("#chart li").nth(shown_right).inner_text()
        axe_clean(learner)
        axe_clean(host)
        door_by_keyboard(host, code.inner_text(), app_server.url)
        # the removed phone (device 1) says it was removed, not that the room ended (review 4)
        kept = learner.evaluate("localStorage.getItem('infoshare-room-device')")
        learner.reload()
        learner.locator("#code-error").filter(has_text=WORDS["room_removed_device"]).wait_for()
        assert WORDS["room_ended"] not in learner.locator("#code-error").inner_text()
        end_room(host)
        assert host.evaluate("sessionStorage.length") == 0  # the key forgotten with the room
        # its token again, once the room has ended: the mark went with the room
        learner.evaluate("(kept) => localStorage.setItem('infoshare-room-device', kept)", kept)
        learner.reload()
        learner.locator("#code-error").filter(has_text=WORDS["room_ended"]).wait_for()
    finally:
        learner_context.close()
    room_lines = [line for line in app_server.log().splitlines() if "/room" in line]
    assert not [line for line in room_lines if "127.0.0.1" in line]
    # refused calls (the wrong code, the locked room, device 1 twice) are counted, not logged
    assert not [line for line in room_lines
                if re.search(r"\b4\d\d \w+ /room/api/", line)], room_lines
    metrics = app_server.raw_get("/metrics")[2].decode()
    assert 'infoshare_room_refused_total{reason="no_such_code"}' in metrics
    assert 'infoshare_room_refused_total{reason="locked"}' in metrics


def end_room(host: object) -> None:
    """"End the room", then "Yes, end the room" (it asks first, issue 24)."""
    host.get_by_role(  # type: ignore[attr-defined]
        "button", name=WORDS["room_end"], exact=True).click()
    host.get_by_role("button", name=WORDS["room_end_yes"]).click()  # type: ignore[attr-defined]
    host.locator("#ended").wait_for()  # type: ignore[attr-defined]


def door_by_keyboard(host: object, code: str, url: str) -> None:
    """Lock the room and remove device 1 by keyboard; each says what it did, in words."""
    said = host.locator("#door-status")  # type: ignore[attr-defined]
    lock = host.get_by_role("button", name=WORDS["room_lock"])  # type: ignore[attr-defined]
    lock.focus()
    host.keyboard.press("Enter")  # type: ignore[attr-defined]
    said.filter(has_text=WORDS["room_locked_note"]).wait_for()
    assert host.get_by_role(  # type: ignore[attr-defined]
        "button", name=WORDS["room_unlock"]).get_attribute("aria-pressed") == "true"
    refused = host.request.post(  # type: ignore[attr-defined]
        f"{url}/room/api/join", data={"code": code}, headers={"X-Infoshare-Room": "1"})
    assert refused.status == 403 and refused.json() == {"error": "room_locked"}
    host.get_by_label(WORDS["room_remove_label"]).fill("1")  # type: ignore[attr-defined]
    host.keyboard.press("Enter")  # type: ignore[attr-defined]
    said.filter(has_text=WORDS["room_removed"].replace("{number}", "1")).wait_for()
    host.locator("#counts").filter(has_text=f"0 {WORDS['room_devices']}").wait_for()
    host.get_by_label(WORDS["room_remove_label"]).fill("1")  # type: ignore[attr-defined]
    host.keyboard.press("Enter")  # type: ignore[attr-defined]
    said.filter(has_text=WORDS["room_no_such_device"]).wait_for()
    axe_clean(host)


def test_the_facilitator_asks_the_room_the_question_on_their_screen(app_server, context) -> None:
    """"Ask the room" under a projected group question asks it in the room page open in the
    same browser (and says so when no room page is open)."""
    page = open_page(context, app_server.section_url("what-is-it", "mode=facilitator"))
    question = page.locator(".is-gq").first
    ask = question.get_by_role("button", name=WORDS["room_ask"])
    said = question.locator(".is-gq-room-status[role=status]")
    ask.click()
    said.filter(has_text=WORDS["room_not_open"]).wait_for()

    host = context.new_page()
    host.goto(f"{app_server.url}/room/host")
    host.get_by_role("button", name=WORDS["room_start"]).click()
    room_code = host.locator("#code")
    room_code.filter(has_text=re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")).wait_for()
    # The projected page lists each question's options in the room's order, as the phones do
    # (told the room's code by the room page in the same browser, issue 23).
    quiz = CONTENT.quizzes_for("what-is-it")[0]
    expected = [[q.options[i].text for i in order] for q, order in
                zip(quiz.questions, room_orders(host, room_code.inner_text(), quiz.questions),
                    strict=True)]
    listed = "(all, n) => [...all].slice(0, n).map(q => [...q.querySelectorAll('.is-gq-text')]" \
             ".map(t => t.textContent))"
    page.wait_for_function(f"([want, n]) => JSON.stringify(({listed})(document.querySelectorAll("
                           f"'.is-gq'), n)) === JSON.stringify(want)",
                           arg=[expected, len(expected)])
    ask.click()
    said.filter(has_text=WORDS["room_asked"]).wait_for()
    host.locator("#phase").filter(has_text=WORDS["room_open"]).wait_for()
    on_screen = " ".join(question.locator(".is-gq-prompt").inner_text().split())
    assert " ".join(host.locator("#prompt").inner_text().split()) == on_screen
    assert host.locator("#pick").input_value().startswith("quiz.")
    assert host.locator("#chart .is-room-label").all_inner_texts() == expected[0]
    axe_clean(page)
    end_room(host)


def test_the_facilitators_page_says_when_rooms_are_down_and_backs_off(app_server,
                                                                        context) -> None:
    """The store's side is tests/room_store/test_room_faults.py (PostgreSQL stopped: 503); here the
    page meets those 503s: it says so in words, tries again less and less often, and says when
    rooms are back (probe, issue 27: it retried silently)."""
    host = context.new_page()
    host.goto(f"{app_server.url}/room/host")
    host.get_by_role("button", name=WORDS["room_start"]).click()
    host.locator("#code").filter(has_text=re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")).wait_for()
    tries: list[float] = []

    def down(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.method != "GET":
            route.continue_()  # type: ignore[attr-defined]
            return
        tries.append(time.monotonic())
        route.fulfill(status=503, content_type="application/json",  # type: ignore[attr-defined]
                      body=json.dumps({"error": "room_unavailable"}))

    host.route("**/room/api/host?wait=*", down)
    host.locator("#pick").select_option(SINGLE[0].id)
    host.get_by_role("button", name=WORDS["room_ask"]).click()  # wakes the long poll
    trouble = host.locator("#trouble[role=status]")
    trouble.filter(has_text=WORDS["room_store_down"]).wait_for()
    deadline = time.monotonic() + 20
    while len(tries) < 3 and time.monotonic() < deadline:
        host.wait_for_timeout(100)
    gaps = [b - a for a, b in zip(tries, tries[1:], strict=False)]
    assert len(gaps) >= 2 and gaps[0] >= 0.8 and gaps[1] >= 1.7 and gaps[1] > gaps[0], gaps
    host.unroute("**/room/api/host?wait=*")
    host.get_by_role("button", name=WORDS["room_close"]).click()  # the next poll answers at once
    trouble.filter(has_text=WORDS["room_store_back"]).wait_for(timeout=15_000)
    axe_clean(host)
    end_room(host)


CASE = next(q for q in catalogue(CONTENT).questions.values() if q.id.startswith("case."))
# a question graded like practice (best, acceptable, unsafe): each phone is told its own grade
GRADED = next(q for q in catalogue(CONTENT).questions.values() if "acceptable" in q.grades)


def phone_answers(phone: object, option: int) -> None:
    """Choose the option whose content index is `option`, and send it."""
    phone.locator(f'input[value="{option}"]').check()  # type: ignore[attr-defined]
    phone.get_by_role("button", name=WORDS["room_send"]).click()  # type: ignore[attr-defined]
    phone.locator("#follow-status").filter(  # type: ignore[attr-defined]
        has_text=WORDS["room_sent"]).wait_for()


CHANNEL_JS = "() => `infoshare-room:${new URL('../', location.href).pathname}`"
LIVE_LISTENER_JS = """(name) => { window.__live = [];
  new BroadcastChannel(name).onmessage = (e) => {
    if (e.data.live) window.__live.push(e.data.live);
  };
}"""


def confidence_on_the_facilitators_screen(host: object, phones: list) -> None:
    """A confidence question, three answered: on the facilitator's own screen too, every count
    and how many answered read "fewer than 5", with no percentage and no bar (the DPO)."""
    before = catalogue(CONTENT).get(confidence_id("before"))
    assert before is not None
    host.locator("#pick").select_option(before.id)  # type: ignore[attr-defined]
    host.get_by_role("button", name=WORDS["room_ask"]).click()  # type: ignore[attr-defined]
    new = WORDS["room_new_question"].replace("{group}", before.group)
    for phone in phones:
        phone.locator("#follow-status").filter(has_text=new).wait_for()
    all_answer(phones, (0, 1, 1))
    few = WORDS["room_results_few"]
    host.locator("#counts").filter(  # type: ignore[attr-defined]
        has_text=f"{few} {WORDS['room_answered']}").wait_for()
    numbers = host.locator("#chart .is-room-number")  # type: ignore[attr-defined]
    assert numbers.all_inner_texts() == [few] * len(before.options)
    assert host.locator("#chart .is-room-bar").count() == 0  # type: ignore[attr-defined]
    announce = host.locator("#announce")  # type: ignore[attr-defined]
    announce.filter(has_text=f"({few} {WORDS['room_answered']})").wait_for(state="attached")
    assert "%" not in host.locator("#room").inner_text()  # type: ignore[attr-defined]


def all_answer(phones: list, options: tuple[int, ...]) -> None:
    for phone, option in zip(phones, options, strict=True):
        phone_answers(phone, option)


def saved(host: object, label: str) -> str:
    """Press a results button; the file the browser saved, as text."""
    with host.expect_download() as info:  # type: ignore[attr-defined]
        host.get_by_role("button", name=label).click()  # type: ignore[attr-defined]
    download = info.value
    assert download.suggested_filename.startswith("session-results-")
    with open(download.path(), encoding="utf-8-sig") as file:
        return file.read()


def test_three_phones_their_verdicts_the_results_file_and_ending_with_a_confirmation(
        app_server, browser, context) -> None:
    """Issue 24: a case-study prompt reaches phones as "Would you share?"; each phone says a new
    question came and, after the reveal, whether its own answer was the best, acceptable or
    not the best (the review, item 8); "Close voting" goes once voting closes; the results file
    holds counts only, a case row named by its prompt; "End the room" asks first."""
    host = context.new_page()
    host.goto(f"{app_server.url}/room/host")
    host.get_by_role("button", name=WORDS["room_start"]).click()
    code = host.locator("#code")
    code.filter(has_text=re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$")).wait_for()
    phones, contexts = [], []
    try:
        for _ in range(3):
            contexts.append(browser.new_context(viewport={"width": 400, "height": 800}))
            phone = contexts[-1].new_page()
            phone.goto(f"{app_server.url}/room")
            phone.get_by_label(WORDS["room_code_label"]).fill(code.inner_text())
            phone.keyboard.press("Enter")
            phone.locator("#follow-status").filter(has_text=WORDS["room_joined"]).wait_for()
            phones.append(phone)
        host.locator("#counts").filter(has_text=f"3 {WORDS['room_devices']}").wait_for()

        host.locator("#pick").select_option(CASE.id)
        host.get_by_role("button", name=WORDS["room_ask"]).click()
        new = WORDS["room_new_question"].replace("{group}", CASE.group)
        for phone in phones:
            phone.locator("#follow-status[role=status]").filter(has_text=new).wait_for()
            assert phone.locator("#prompt").inner_text().strip() == WORDS["room_share_question"]
            assert sorted(phone.locator("#options label").all_inner_texts()) == sorted(
                CASE.options)
        axe_clean(phones[0])
        all_answer(phones, (0, 0, 2))
        host.locator("#counts").filter(has_text=f"3 {WORDS['room_answered']}").wait_for()

        question = GRADED
        right, fair, wrong = (question.grades.index(g) for g in ("best", "acceptable", "unsafe"))
        # A presenter view in this browser hears the room's counts on its channel (the audience
        # window's chart draws them): the question's id and each option's count, no key.
        # (a second channel object in the host page itself hears it: no other page takes focus)
        listener = host
        listener.evaluate(LIVE_LISTENER_JS, host.evaluate(CHANNEL_JS))
        host.locator("#pick").select_option(question.id)
        host.get_by_role("button", name=WORDS["room_ask"]).click()
        new = WORDS["room_new_question"].replace("{group}", question.group)
        for phone in phones:
            phone.locator("#follow-status").filter(has_text=new).wait_for()
        all_answer(phones, (right, fair, wrong))
        host.locator("#counts").filter(has_text=f"3 {WORDS['room_answered']}").wait_for()
        # the facilitator's own screen: a quiz's counts exact, to lead the discussion
        numbers = host.locator("#chart .is-room-number")
        numbers.filter(has_text="1 (33%)").nth(2).wait_for()
        # the wall's, as the server made them (the DPO): voting open, words only
        heard = listener.wait_for_function(
            "(id) => (window.__live || []).find((l) => l.question === id && l.answered === 3)",
            arg=question.id).json_value()
        assert heard == {"devices": 3, "question": question.id, "answered": 3, "counts": None,
                         "percents": None, "said": "present_chart_after_close"}, heard
        secret = host.evaluate(
            "sessionStorage.getItem(`infoshare-room-secret:${location.pathname}`)")
        assert secret and secret not in str(heard)  # the key stays in its tab
        close = host.get_by_role("button", name=WORDS["room_close"])
        close.focus()
        host.keyboard.press("Enter")
        host.locator("#phase").filter(has_text=WORDS["room_closed"]).wait_for()
        close.wait_for(state="hidden")  # not offered once voting is closed
        heard = listener.wait_for_function(  # closed: three answered, still words only
            "(id) => (window.__live || []).find((l) => l.question === id && l.said !== "
            "'present_chart_after_close')", arg=question.id).json_value()
        assert heard == {"devices": 3, "question": question.id, "answered": 3, "counts": None,
                         "percents": None, "said": "present_chart_withheld"}, heard
        assert host.evaluate("document.activeElement.id") == "reveal"
        host.keyboard.press("Enter")  # Reveal answer, where the focus went
        verdicts = (WORDS["room_verdict_best"], WORDS["room_verdict_acceptable"],
                    WORDS["room_verdict_unsafe"])  # an unsafe choice is told so (review 5)
        for phone, verdict in zip(phones, verdicts, strict=True):
            phone.locator("#follow-status[role=status]").filter(has_text=verdict).wait_for()
        for verdict in verdicts[1:]:
            assert verdict not in phones[0].locator("#follow-status").inner_text()
        axe_clean(phones[1])
        axe_clean(host)

        # The results: counts per question asked, nothing about a device or the room's key.
        tokens = [p.evaluate("localStorage.getItem('infoshare-room-device')") for p in phones]
        secret = host.evaluate("Object.values(sessionStorage).join()")
        text = saved(host, WORDS["room_results_csv"])
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == [WORDS[k] for k in HEADER_KEYS]
        case_rows = [r for r in rows[1:] if r[0] == "1"]
        assert [r[3] for r in case_rows] == list(CASE.options)
        assert {r[2] for r in case_rows} == {CASE.label}  # the prompt it follows (item 10)
        # three answered: every count reads "fewer than 5" (review 6; five or more answered:
        # tests/room_store/test_room_results.py)
        few = WORDS["room_results_few"]
        assert {r[5] for r in case_rows} == {r[6] for r in case_rows} == {few}
        quiz_rows = [r for r in rows[1:] if r[0] == "2"]
        assert len(quiz_rows) == len(question.options)
        assert {r[5] for r in quiz_rows} == {r[6] for r in quiz_rows} == {few}
        assert len(rows) == 1 + len(case_rows) + len(quiz_rows)
        page = saved(host, WORDS["room_results_page"])
        for kept in (text, page):
            assert secret not in kept and code.inner_text() not in kept
            assert not any(json.loads(t)["token"] in kept for t in tokens)
        assert "<table>" in page and "<script" not in page
        host.locator("#results-status").filter(has_text=WORDS["room_results_saved"]).wait_for()

        confidence_on_the_facilitators_screen(host, phones)

        # "End the room" is a warning, and asks first: Escape keeps the room, "Yes" ends it.
        end = host.get_by_role("button", name=WORDS["room_end"], exact=True)
        assert "is-room-warning" in end.get_attribute("class")
        end.focus()
        host.keyboard.press("Enter")
        ask = host.locator("#end-confirm")
        ask.wait_for()
        assert end.get_attribute("aria-expanded") == "true"
        assert host.evaluate("document.activeElement.id") == "end-question"
        axe_clean(host)
        host.keyboard.press("Escape")
        ask.wait_for(state="hidden")
        assert host.evaluate("document.activeElement.id") == "end"
        host.keyboard.press("Enter")
        ask.wait_for()
        host.keyboard.press("Tab")  # to "Yes, end the room"
        host.keyboard.press("Enter")
        host.locator("#ended").wait_for()
        for phone in phones:
            phone.locator("#code-error").filter(has_text=WORDS["room_ended"]).wait_for()
        # gone with the room: the results too
        gone = host.request.get(f"{app_server.url}/room/api/results?format=csv",
                                headers={"X-Room-Secret": secret})
        assert gone.status == 404
    finally:
        for phone_context in contexts:
            phone_context.close()
