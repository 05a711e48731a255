"""The session's results (issue 24): counts per question asked, in order, on both stores; rows
and CSV made from them without a browser; nothing about a device, gone when the room ends."""

from __future__ import annotations

import csv
import io
import urllib.error
import urllib.request

import pytest
from _room_client import Device, Facilitator, call, room_server
from _shipped import shipped_content

from infoshare_widgets.content.question_ids import confidence_id
from infoshare_widgets.room_store.codes import digest
from infoshare_widgets.room_store.questions import catalogue
from infoshare_widgets.room_store.session_results import (
    ResultRow,
    read_counts,
    result_rows,
    results_csv,
    safe_cell,
)
from infoshare_widgets.room_store.store import RoomStore

CONTENT = shipped_content()
CATALOGUE = catalogue(CONTENT)


def test_the_results_count_each_question_asked_in_order_and_nothing_else(store: RoomStore,
                                                                           ) -> None:
    new = store.create_room()
    room = new.room.id
    tokens = [store.join(room)[0] for _ in range(3)]
    store.step(room, "open", "quiz.a.one")
    for token, option in zip(tokens, (0, 1, 1), strict=True):
        store.answer(room, token, "quiz.a.one", [option])
    store.step(room, "open", "quiz.a.two")  # asked, nobody answered
    store.step(room, "open", "quiz.a.three")
    store.answer(room, tokens[0], "quiz.a.three", [0, 2])
    store.answer(room, tokens[1], "quiz.a.three", [2])
    store.step(room, "open", "quiz.a.one")  # asked again: its first place kept, counts anew
    store.answer(room, tokens[2], "quiz.a.one", [0])
    assert read_counts(store, room) == [("quiz.a.one", {0: 1}, 1), ("quiz.a.two", {}, 0),
                                        ("quiz.a.three", {0: 1, 2: 2}, 2)]
    text = repr(read_counts(store, room))
    assert not any(t in text or digest(t) in text for t in tokens)
    other = store.create_room().room.id  # another room's results are its own
    assert read_counts(store, other) == []
    store.end(room)
    assert read_counts(store, room) == []
    assert all(room not in row for _, row in store.dump())


def test_before_and_after_confidence_are_two_questions_never_paired(store: RoomStore) -> None:
    room = store.create_room().room.id
    tokens = [store.join(room)[0] for _ in range(3)]
    before, after = confidence_id("before"), confidence_id("after")
    for question, picks in ((before, (0, 1, 1)), (after, (2, 3, 3))):
        store.step(room, "open", question)
        for token, option in zip(tokens, picks, strict=True):
            store.answer(room, token, question, [option])
    counts = read_counts(store, room)
    assert counts == [(before, {0: 1, 1: 2}, 3), (after, {2: 1, 3: 2}, 3)]
    rows = result_rows(CATALOGUE, counts)
    # each row is one option's count: no row or cell holds two answers of one device
    assert [(r.number, r.option, r.count) for r in rows if r.count] == [
        (1, CONTENT.confidence.scale[0], 1), (1, CONTENT.confidence.scale[1], 2),
        (2, CONTENT.confidence.scale[2], 1), (2, CONTENT.confidence.scale[3], 2)]


def test_rows_name_the_question_and_its_options_in_plain_text() -> None:
    quiz = CONTENT.quizzes[0]
    question = quiz.questions[0]
    qid = f"quiz.{quiz.id}.{question.id}"
    rows = result_rows(CATALOGUE, [("gone.question", {0: 4}, 4), (qid, {1: 2}, 2)])
    assert [r.option for r in rows] == [o.text for o in question.options]
    assert {r.number for r in rows} == {1} and {r.group for r in rows} == {quiz.title}
    assert [r.best for r in rows] == [o.correct for o in question.options]
    assert "<" not in rows[0].question and rows[0].question
    assert [r.count for r in rows] == [2 if i == 1 else 0 for i in range(len(rows))]


@pytest.mark.parametrize("text", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx",
                                  '=HYPERLINK("http://x","y")'])
def test_a_cell_that_a_spreadsheet_would_run_is_escaped(text: str) -> None:
    assert safe_cell(text) == "'" + text
    row = ResultRow(1, text, text, text, True, 3, 4)
    written = results_csv([row], ["h"] * 7, "best")
    cells = list(csv.reader(io.StringIO(written)))[1]
    assert cells[1:4] == ["'" + text] * 3 and cells[4:] == ["best", "3", "4"]


@pytest.mark.parametrize("text", ["Yes, share", "1. Be alert", "", "a=b", "O'Neill — 5 + 2"])
def test_ordinary_cells_and_numbers_are_left_alone(text: str) -> None:
    assert safe_cell(text) == text
    assert safe_cell(7) == 7


def test_the_csv_has_a_header_and_a_row_per_option() -> None:
    rows = [ResultRow(1, "G", "Q?", "A", False, 0, 2), ResultRow(1, "G", "Q?", "B", True, 2, 2)]
    lines = list(csv.reader(io.StringIO(results_csv(rows, list("1234567"), "best"))))
    assert lines == [list("1234567"), ["1", "G", "Q?", "A", "", "0", "2"],
                     ["1", "G", "Q?", "B", "best", "2", "2"]]


def download(base: str, secret: str, kind: str = "csv") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(f"{base}room/api/results?format={kind}",
                                     headers={"X-Room-Secret": secret})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_the_results_are_served_behind_the_secret_until_the_room_ends(tmp_path) -> None:
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as (base, _service):
        host = Facilitator(base)
        code = host.view()[1]["code"]
        devices = [Device(base, code) for _ in range(7)]
        question = next(q for q in CATALOGUE.questions.values() if q.id.startswith("case."))
        host.step("ask", question.id)
        for device, option in zip(devices, (0, 0, 2, 0, 1, 0, 0), strict=True):
            assert device.answer(question.id, [option])[0] == 200
        status, headers, body = download(base, host.secret)
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert headers["Content-Disposition"].startswith('attachment; filename="session-results-')
        lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        # seven answered: 5 exact, the two 1s not, nor the 7 that would give them away
        assert [line[5] for line in lines[1:]] == ["5", "fewer than 5", "fewer than 5"]
        assert {line[6] for line in lines[1:]} == {"5 or more"}
        text = body.decode("utf-8-sig")
        assert not any(d.token in text or digest(d.token) in text for d in devices)
        assert host.secret not in text and code not in text
        status, headers, page = download(base, host.secret, "html")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert headers["Content-Disposition"].endswith('.html"') and b"<table>" in page
        assert b"<script" not in page
        assert download(base, "guess")[0] == 404 and download(base, "")[0] == 404
        assert download(base, host.secret, "xlsx")[0] == 400
        assert call(f"{base}room/api/results?secret={host.secret}")[0] == 404  # header only
        host.step("end")
        assert download(base, host.secret)[0] == 404


# -- the DPO and safeguarding lead's review of issue 24 -------------------------------------------

def confidence_rows(store: RoomStore, room: str) -> set[tuple[str, str]]:
    """(question, device digest) of every per-device confidence answer the store holds."""
    return {(row[1], row[2]) for table, row in store.dump()
            if table == "infoshare_room_answers" and row[0] == room
            and row[1].startswith("confidence.")}


def test_confidence_answers_are_counts_once_their_vote_ends_so_before_and_after_never_meet(
        store: RoomStore) -> None:
    """Item 1: a confidence question's per-device rows are folded into counts and deleted when
    its vote closes or another question is asked, so the store never holds a device's before
    and after answers together."""
    room = store.create_room().room.id
    tokens = [store.join(room)[0] for _ in range(3)]
    devices = {digest(t) for t in tokens}
    before, after = confidence_id("before"), confidence_id("after")
    store.step(room, "open", before)
    for token, option in zip(tokens, (0, 1, 1), strict=True):
        store.answer(room, token, before, [option])
    assert {q for q, _ in confidence_rows(store, room)} == {before}  # while the vote is open
    store.step(room, "open", after)  # asked without closing first: folded all the same
    assert confidence_rows(store, room) == set()
    assert store.counts(room, before) == ({0: 1, 1: 2}, 3)
    for token, option in zip(tokens, (2, 3, 3), strict=True):
        store.answer(room, token, after, [option])
    assert {q for q, _ in confidence_rows(store, room)} == {after}
    store.step(room, "closed")
    assert confidence_rows(store, room) == set()
    assert store.chosen(room, tokens[0], after) == []  # not even the device's own answer
    assert store.counts(room, after) == ({2: 1, 3: 2}, 3)
    store.step(room, "revealed")
    assert store.counts(room, after) == ({2: 1, 3: 2}, 3)
    assert read_counts(store, room) == [(before, {0: 1, 1: 2}, 3), (after, {2: 1, 3: 2}, 3)]
    # no row anywhere holds a device's digest beside a confidence question
    for _, row in store.dump():
        assert not (devices & set(map(str, row)) and any(
            str(v).startswith("confidence.") for v in row)), row
    store.step(room, "open", before)  # asked again: counted anew
    assert store.counts(room, before) == ({}, 0)
    store.answer(room, tokens[0], before, [3])
    store.step(room, "open", "quiz.a.one")  # another question: folded
    assert read_counts(store, room)[0] == (before, {3: 1}, 1)
    store.end(room)
    assert all(room not in row for _, row in store.dump())


def test_quiz_answers_are_kept_per_device_while_the_room_lasts(store: RoomStore) -> None:
    """Only confidence questions are folded: a quiz's answers stay per device (a device may
    change its answer, and is told its verdict) until the room ends."""
    room = store.create_room().room.id
    token = store.join(room)[0]
    store.step(room, "open", "quiz.a.one")
    store.answer(room, token, "quiz.a.one", [1])
    store.step(room, "closed")
    store.step(room, "revealed")
    assert store.chosen(room, token, "quiz.a.one") == [1]


FEW = CONTENT.text("facilitator", "room_results_few")
MANY = CONTENT.text("facilitator", "room_results_many")


def test_no_count_below_5_is_written_for_any_question() -> None:
    """Item 2, then the later rule: in a supervision of two a confidence count says how each
    person feels, and in a room of six a quiz's "1" names the one who chose otherwise. No count
    below 5 is a number, for any question; how many answered reads "5 or more" where it would
    give the hidden counts' total away by subtraction."""
    quiz = CONTENT.quizzes[0]
    qid = f"quiz.{quiz.id}.{quiz.questions[0].id}"
    before = confidence_id("before")
    rows = result_rows(CATALOGUE, [(before, {0: 4, 2: 6}, 10), (qid, {0: 1, 1: 5}, 6),
                                   (confidence_id("after"), {1: 2}, 2)], FEW, MANY)
    first = [r.count for r in rows if r.number == 1]
    assert first == [FEW, FEW, 6, FEW] and {r.answered for r in rows if r.number == 1} == {MANY}
    second = [r for r in rows if r.number == 2]
    assert [r.count for r in second][:2] == [FEW, 5] and {r.answered for r in second} == {MANY}
    assert {r.count for r in rows if r.number == 3} == {FEW}
    assert {r.answered for r in rows if r.number == 3} == {FEW}
    written = [c for r in rows for c in (r.count, r.answered) if isinstance(c, int)]
    assert written and min(written) >= 5
    assert (FEW, MANY) == ("fewer than 5", "5 or more")


def test_all_of_five_or_more_is_written_and_small_totals_are_not_given_away() -> None:
    """"All of N chose X" only when N is 5 or more; how many answered is exact only when no
    count is hidden: beside a hidden count, subtraction (or three 4s out of 12) gives it away."""
    quiz = CONTENT.quizzes[0]
    qid = f"quiz.{quiz.id}.{quiz.questions[0].id}"
    options = len(CATALOGUE.get(qid).options)
    for n in (1, 4):  # all chose the first option: nothing written as a number
        rows = result_rows(CATALOGUE, [(qid, {0: n}, n)], FEW, MANY)
        assert {r.count for r in rows} == {r.answered for r in rows} == {FEW}
    rows = result_rows(CATALOGUE, [(qid, {0: 5}, 5)], FEW, MANY)
    assert [r.count for r in rows] == [5] + [FEW] * (options - 1)
    assert {r.answered for r in rows} == ({MANY} if options > 1 else {5})
    if options >= 3:
        rows = result_rows(CATALOGUE, [(qid, {0: 9, 1: 3, 2: 2}, 14)], FEW, MANY)
        assert [r.count for r in rows][:3] == [9, FEW, FEW] and {r.answered for r in rows} == {MANY}
        rows = result_rows(CATALOGUE, [(qid, {0: 4, 1: 4, 2: 4}, 12)], FEW, MANY)
        assert {r.answered for r in rows} == {MANY}
        rows = result_rows(CATALOGUE, [(qid, {i: 5 for i in range(options)}, 5 * options)],
                           FEW, MANY)
        assert {r.answered for r in rows} == {5 * options}  # nothing hidden: the total exact


def test_case_rows_name_the_prompt_they_follow() -> None:
    """Item 10: every case-study question asks "Would you share?"; the rows say which prompt."""
    cases = [q for q in CATALOGUE.questions.values() if q.id.startswith("case.")]
    rows = result_rows(CATALOGUE, [(q.id, {}, 0) for q in cases])
    named = {r.number: (r.group, r.question) for r in rows}
    assert sorted(named.values()) == sorted((q.group, q.label) for q in cases)
    assert all(CONTENT.case_studies[0].questions[0].prompt in q for _, q in named.values())
    assert len(set(named.values())) == len(cases)


def test_every_text_cell_is_quoted_and_numbers_are_not() -> None:
    """Item 12: a spreadsheet reads each text cell as text (QUOTE_NONNUMERIC)."""
    rows = [ResultRow(1, "G", "Q?", "12", True, 2, 3), ResultRow(2, "G", "Q?", "A", False, FEW,
                                                                    FEW)]
    written = results_csv(rows, ["h"] * 7, "best").splitlines()
    assert written[1] == '1,"G","Q?","12","best",2,3'
    assert written[2] == f'2,"G","Q?","A","",,"{FEW}","{FEW}"'.replace(',,', ',')


def test_every_count_of_a_question_fewer_than_5_answered_reads_fewer_than_5() -> None:
    """Review finding 6: with one or two learners a quiz's exact counts were their answers."""
    quiz = CONTENT.quizzes[0]
    qid = f"quiz.{quiz.id}.{quiz.questions[0].id}"
    for answered in (1, 2, 4):
        rows = result_rows(CATALOGUE, [(qid, {0: answered}, answered)], FEW, MANY)
        assert {r.count for r in rows} == {r.answered for r in rows} == {FEW}, answered
    rows = result_rows(CATALOGUE, [(qid, {0: 4, 1: 1}, 5)], FEW, MANY)
    assert [r.count for r in rows][:2] == [FEW, FEW] and {r.answered for r in rows} == {MANY}


def test_the_room_pages_live_bars_hide_small_confidence_counts(store_env) -> None:  # noqa: ANN001
    """Review finding 6, then the DPO: the facilitator's live bars showed exact confidence
    counts, and how many answered beside a hidden one; the room's API now sends a count below 5
    as ui.yaml's "fewer than 5", how many answered as "5 or more" beside it, no share; a quiz's
    stay exact there. The wall's (``wall``, for the presenter's audience window) are words only
    while voting is open, and once it is closed numbers only when every option was chosen by 5
    or more (`tests/room_store/test_small_counts.py`). On both stores."""
    with room_server(store_env) as (base, _service):
        host = Facilitator(base)
        code = host.view()[1]["code"]
        devices = [Device(base, code) for _ in range(10)]
        before = confidence_id("before")
        host.step("ask", before)
        for device, option in zip(devices, (0, 1, 1, 1, 1, 1), strict=False):
            assert device.answer(before, [option])[0] == 200
        view = host.view()[1]
        few, many = "room_results_few", "room_results_many"
        assert view["counts"][:2] == [few, 5] and set(view["counts"][2:]) == {few}
        assert view["answered"] == many and set(view["percents"]) == {None}
        assert view["wall"] == {"said": "present_chart_after_close", "answered": 6}
        host.step("close")
        assert host.view()[1]["wall"] == {"said": "present_chart_withheld", "answered": 6}
        quiz = next(q for q in CATALOGUE.questions.values()
                    if q.id.startswith("quiz.") and len(q.options) == 2)
        host.step("ask", quiz.id)
        assert devices[0].answer(quiz.id, [0])[0] == 200
        view = host.view()[1]
        assert view["counts"][0] == 1 and view["answered"] == 1  # the facilitator's own: exact
        assert view["percents"][0] == 100
        assert view["wall"] == {"said": "present_chart_after_close", "answered": 1}
        for device, option in zip(devices[1:], (0, 0, 0, 0, 1, 1, 1, 1, 1), strict=True):
            assert device.answer(quiz.id, [option])[0] == 200
        assert host.view()[1]["wall"]["said"] == "present_chart_after_close"  # 5 and 5, open
        for step in ("close", "reveal"):
            host.step(step)
            assert host.view()[1]["wall"] == {"counts": [5, 5], "answered": 10,
                                              "percents": [50, 50]}, step
