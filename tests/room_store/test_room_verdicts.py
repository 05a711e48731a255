"""The DPO and safeguarding lead's review of issue 24 (items 3 and 8), without a browser: which
case-study prompts phones are asked "Would you share?", its options, what a phone is told after
the reveal (graded like practice: best, acceptable, not the best), and a device's verdict over
the room's API."""

from __future__ import annotations

from _room_client import Device, Facilitator, room_server
from _shipped import shipped_content

from infoshare_widgets.content.question_ids import confidence_id
from infoshare_widgets.room_store.questions import SHARE_PROMPTS, catalogue

CONTENT = shipped_content()
CATALOGUE = catalogue(CONTENT)
WORDS = {k: CONTENT.text("facilitator", k) for k in CONTENT.ui.facilitator}  # type: ignore
GRADED = next(q for q in CATALOGUE.questions.values() if "acceptable" in q.grades)


def test_only_what_is_worrying_you_is_asked_as_would_you_share() -> None:
    """Item 3: after "Who would you contact..." or "How would you follow up...", sharing has
    happened; "Would you share at this point?" fits only the first prompt."""
    asked = {q.id for q in CATALOGUE.questions.values() if q.id.startswith("case.")}
    expected = {f"case.{c.id}.{p.id}" for c in CONTENT.case_studies for p in c.questions
                if p.prompt == "What is worrying you?"}
    assert asked == expected and len(asked) == len(CONTENT.case_studies)
    assert SHARE_PROMPTS == ("worrying",)


def test_not_yet_means_seek_advice_not_wait_for_evidence() -> None:
    """Item 3: the pack warns against waiting for hard evidence; golden rule 4 says seek advice
    promptly."""
    case = next(q for q in CATALOGUE.questions.values() if q.id.startswith("case."))
    assert case.options[2] == WORDS["room_share_unsure"]
    assert "seek advice" in case.options[2] and "find out more" not in case.options[2]


def test_a_graded_questions_verdict_tells_acceptable_from_unsafe() -> None:
    """Item 8 (PRODUCT principle 9): an acceptable choice is not told the same as an unsafe
    one."""
    best = next(i for i, g in enumerate(GRADED.grades) if g == "best")
    fair = next(i for i, g in enumerate(GRADED.grades) if g == "acceptable")
    unsafe = next(i for i, g in enumerate(GRADED.grades) if g == "unsafe")
    assert GRADED.verdict_key([best]) == "room_verdict_best"
    assert GRADED.verdict_key([fair]) == "room_verdict_acceptable"
    assert GRADED.verdict_key([unsafe]) == "room_verdict_unsafe"  # review finding 5
    assert GRADED.verdict_key([]) == "room_verdict_none"
    plain = next(q for q in CATALOGUE.questions.values() if q.id.startswith("quiz.")
                 and not q.grades and not q.multiple)
    wrong = next(i for i in range(len(plain.options)) if i not in plain.correct)
    assert plain.verdict_key([wrong]) == "room_verdict_not_best"
    assert WORDS["room_verdict_acceptable"] != WORDS["room_verdict_not_best"]
    assert "at risk" in WORDS["room_verdict_unsafe"]


def test_would_you_share_reveals_that_the_pack_shares_the_worry() -> None:
    """Review finding 5: "Would you share?" has no right answer, but the pack's answer to every
    case shares the worry (manager or safeguarding lead, then the social worker or social
    care): the reveal says so after the points, on every case."""
    cases = [q for q in CATALOGUE.questions.values() if q.id.startswith("case.")]
    assert len(cases) == len(CONTENT.case_studies) == 4
    said = WORDS["room_share_after"]
    assert "the worry is shared" in said and "not a reason to wait" in said
    for case in cases:
        shown = case.revealed()["explanation_html"]
        assert shown.index("</ul>") < shown.index("the worry is shared"), case.id
        assert case.verdict_key([1]) == ""  # still no verdict: no option is marked right


def test_a_question_with_no_answer_does_not_say_the_answer_is_shown() -> None:
    """Item 8: a case study shows discussion points, a confidence question only counts."""
    case = next(q for q in CATALOGUE.questions.values() if q.id.startswith("case."))
    confidence = CATALOGUE.get(confidence_id("before"))
    assert case.verdict_key([0]) == "" and confidence.verdict_key([1]) == ""
    assert case.revealed()["said"] == "room_revealed_points"
    assert confidence.revealed()["said"] == "room_revealed_counts"
    assert GRADED.revealed()["said"] == "room_revealed"
    assert WORDS["room_revealed_points"] == "The discussion points are shown."


def test_each_device_is_told_its_own_verdict_after_the_reveal(tmp_path) -> None:
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as (base, _service):
        host = Facilitator(base)
        code = host.view()[1]["code"]
        devices = [Device(base, code) for _ in range(4)]
        picks = [GRADED.grades.index(g) for g in ("best", "acceptable", "unsafe")]
        host.step("ask", GRADED.id)
        for device, option in zip(devices, picks, strict=False):
            assert device.answer(GRADED.id, [option])[0] == 200
        assert "verdict" not in devices[0].follow()[1]  # not before the reveal
        host.step("close")
        host.step("reveal")
        told = [device.follow()[1]["verdict"] for device in devices]
        assert told == ["room_verdict_best", "room_verdict_acceptable", "room_verdict_unsafe",
                        "room_verdict_none"]
