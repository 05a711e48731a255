"""The one small-counts rule (`room_store/session_results.py`) as the room's screens get it: the
facilitator's own room page for a confidence question (no count below 5 is a number, how many
answered is a number only when no count beside it is hidden, and no share (percent, bar) is sent
unless how many answered is), and the wall (the presenter's audience window), all or none: no
count while voting is open, and once it is closed numbers only when every option was chosen by 5
or more (the DPO: the room knows roughly how many are in it)."""

from __future__ import annotations

from itertools import product

import pytest

from infoshare_widgets.content.question_ids import confidence_id
from infoshare_widgets.room_store.session_results import (
    AFTER_CLOSE,
    FEW,
    FEW_KEY,
    MANY_KEY,
    WITHHELD,
    live_counts,
    on_screen,
    percent,
    shown_counts,
    wall_counts,
)

QUIZ = "quiz.a.one"
BEFORE = confidence_id("before")


def test_the_pages_words_are_ui_yaml_keys_the_results_file_words() -> None:
    assert (FEW, FEW_KEY, MANY_KEY) == (5, "room_results_few", "room_results_many")


def test_nobody_answered_nothing_is_a_number() -> None:
    assert on_screen([0, 0, 0], 0) == {"counts": [FEW_KEY] * 3, "answered": FEW_KEY,
                                       "percents": [None] * 3}


@pytest.mark.parametrize("counts", [[4, 0], [2, 2], [1, 3, 0], [0, 0, 4]])
def test_four_answered_every_count_and_the_total_read_fewer_than_5(counts: list[int]) -> None:
    assert on_screen(counts, 4) == {"counts": [FEW_KEY] * len(counts), "answered": FEW_KEY,
                                    "percents": [None] * len(counts)}


def test_all_in_one_option_the_others_hidden_and_the_total_not_given() -> None:
    """"All 7 chose A" would be a fact about each of them: the zeros are hidden, so the total
    reads "5 or more" and no percentage (100%) says that nobody chose otherwise."""
    assert on_screen([7, 0, 0], 7) == {"counts": [7, FEW_KEY, FEW_KEY], "answered": MANY_KEY,
                                       "percents": [None] * 3}
    assert on_screen([7], 7) == {"counts": [7], "answered": 7, "percents": [100]}


def test_one_hidden_count_the_total_and_the_shares_go_with_it() -> None:
    """6 of 8 beside a hidden count gave 2 away by subtraction, and 75% gave 8."""
    assert on_screen([6, 2], 8) == {"counts": [6, FEW_KEY], "answered": MANY_KEY,
                                    "percents": [None, None]}
    assert on_screen([6, 5, 4], 15)["percents"] == [None] * 3


def test_several_hidden_counts() -> None:
    """Three 4s out of 12 would each be 4 if the 12 were given."""
    assert on_screen([9, 3, 2], 14) == {"counts": [9, FEW_KEY, FEW_KEY], "answered": MANY_KEY,
                                        "percents": [None] * 3}
    assert on_screen([4, 4, 4], 12)["answered"] == MANY_KEY
    assert on_screen([2, 2, 2], 6) == {"counts": [FEW_KEY] * 3, "answered": MANY_KEY,
                                       "percents": [None] * 3}


def test_nothing_hidden_every_number_and_share_is_given() -> None:
    assert on_screen([5, 6, 9], 20) == {"counts": [5, 6, 9], "answered": 20,
                                        "percents": [25, 30, 45]}


def test_a_share_rounds_halves_up_as_the_browser_does() -> None:
    """The facilitator's page drew Math.round before; Python's round(12.5) is 12."""
    assert [percent(1, 8), percent(5, 8), percent(1, 3), percent(2, 3), percent(0, 0)] == [
        13, 63, 33, 67, 0]


def test_the_rule_is_the_results_files_rule() -> None:
    """The screens' counts are :func:`shown_counts` with the keys for words: one rule."""
    for counts in product(range(8), repeat=3):
        answered = sum(counts)
        shown = on_screen(list(counts), answered)
        assert (shown["counts"], shown["answered"]) == shown_counts(
            list(counts), answered, FEW_KEY, MANY_KEY)


@pytest.mark.parametrize("options", [1, 2, 3])
def test_no_hidden_count_can_be_worked_out_from_what_a_screen_is_sent(options: int) -> None:
    """Every single-answer room with up to 14 on each option: whatever a screen is sent, each
    count sent as "fewer than 5" is consistent with at least two values (so neither
    subtraction, nor the total, nor a share tells it), and no number sent is below 5."""
    alike: dict[str, list[tuple[int, ...]]] = {}  # what is sent -> the rooms that send it
    hidden: dict[str, list[int]] = {}  # what is sent -> the options sent as "fewer than 5"
    for counts in product(range(15), repeat=options):
        sent = on_screen(list(counts), sum(counts))
        numbers = [n for n in (*sent["counts"], sent["answered"]) if isinstance(n, int)]
        assert all(n >= FEW for n in numbers), (counts, sent)
        alike.setdefault(repr(sent), []).append(counts)
        hidden[repr(sent)] = [i for i, n in enumerate(sent["counts"]) if n == FEW_KEY]
    assert any(hidden.values())  # refuses to pass on nothing
    for sent, rooms in alike.items():
        if any(n > 9 for n in rooms[0]):
            continue  # at the edge of what was tried: a hidden count's partners left out
        for i in hidden[sent]:
            assert len({counts[i] for counts in rooms}) >= 2, (sent, i, rooms)


def test_the_facilitators_own_view_keeps_a_quizs_counts_and_the_wall_does_not() -> None:
    """On the facilitator's own screen (not projected) a quiz's counts stay exact, to lead the
    discussion, in every phase; the wall gets :func:`wall_counts` for every question."""
    for phase in ("open", "closed", "revealed"):
        sent = live_counts(QUIZ, [1, 2, 0], 3, phase)
        assert (sent["counts"], sent["answered"], sent["percents"]) == ([1, 2, 0], 3,
                                                                        [33, 67, 0])
        assert sent["wall"] == wall_counts([1, 2, 0], 3, phase)
    assert live_counts(QUIZ, [0, 0], 0, "open")["percents"] == [0, 0]  # nobody yet: empty bars
    assert live_counts(QUIZ, [6, 5], 11, "open")["wall"] == {"said": AFTER_CLOSE, "answered": 11}


def test_a_confidence_questions_counts_follow_the_rule_on_the_facilitators_screen_too() -> None:
    sent = live_counts(BEFORE, [1, 5, 0, 0], 6, "closed")
    assert (sent["counts"], sent["answered"], sent["percents"]) == (
        [FEW_KEY, 5, FEW_KEY, FEW_KEY], MANY_KEY, [None] * 4)
    assert sent["wall"] == {"said": WITHHELD, "answered": 6}
    sent = live_counts(BEFORE, [5, 5], 10, "open")
    assert (sent["counts"], sent["answered"], sent["percents"]) == ([5, 5], 10, [50, 50])


@pytest.mark.parametrize("counts", [[0, 0], [3, 0], [6, 2], [5, 5, 5], [40, 1, 9]])
def test_while_voting_is_open_the_wall_gets_words_only(counts: list[int]) -> None:
    """The DPO: live, the 5th answer, or any later tap that moved a count, told the room what
    the person who tapped chose. Nothing but words, however many answered."""
    assert wall_counts(counts, sum(counts), "open") == {"said": AFTER_CLOSE,
                                                        "answered": sum(counts)}
    assert wall_counts(counts, sum(counts), "idle")["said"] == AFTER_CLOSE


@pytest.mark.parametrize("phase", ["closed", "revealed"])
def test_once_closed_the_wall_gets_numbers_only_when_every_count_is_5_or_more(phase: str) -> None:
    assert wall_counts([5, 5], 10, phase) == {"counts": [5, 5], "answered": 10,
                                              "percents": [50, 50]}
    assert wall_counts([6, 5, 9], 20, phase)["counts"] == [6, 5, 9]
    for counts in ([4, 5], [11, 1], [7, 0], [0, 0], [6, 2], [5, 5, 0], [3]):
        assert wall_counts(counts, sum(counts), phase) == {"said": WITHHELD,
                                                           "answered": sum(counts)}, counts


def test_a_question_with_several_answers_is_withheld_when_all_or_nearly_all_chose_one() -> None:
    """Each option splits the room in two, chose and did not: both 5 or more. 7 of 7 choosing
    A (and B) says what each of them chose; 11 of 14 choosing A says 3 did not."""
    assert wall_counts([7, 7], 7, "closed")["said"] == WITHHELD
    assert wall_counts([11, 6], 14, "closed")["said"] == WITHHELD
    assert wall_counts([7, 5], 12, "closed")["counts"] == [7, 5]


@pytest.mark.parametrize("options", [2, 3, 4])
def test_a_reader_who_knows_how_many_answered_learns_no_small_count_from_the_wall(
        options: int) -> None:
    """Every single-answer room of 1 to 5 per option and 2 more, every way of answering (at 0
    nobody's answer is there to tell): a reader who knows how many answered and sees the wall
    cannot tell any count below 5, nor that every answer was the same. Rooms that send the wall
    the same thing for the same size are the reader's candidates: each option's count must
    differ among them unless it is shown, and a shown one is 5 or more, with no option chosen by
    everyone."""
    alike: dict[tuple[str, int], list[tuple[int, ...]]] = {}  # (sent, answered) -> rooms
    largest = FEW * options + 2  # so that some rooms are shown
    for counts in product(range(largest + 1), repeat=options):
        answered = sum(counts)
        if not 0 < answered <= largest:
            continue
        sent = wall_counts(list(counts), answered, "closed")
        if "counts" in sent:  # numbers: each 5 or more, and nobody's answer is everybody's
            assert all(FEW <= n < answered for n in sent["counts"]), (counts, sent)
        alike.setdefault((repr(sent), answered), []).append(counts)
    assert any("said" in sent for sent, _ in alike)  # refuses to pass on nothing
    assert any("counts" in sent for sent, _ in alike)
    for (sent, answered), rooms in alike.items():
        if "said" not in sent:
            continue
        for i in range(options):
            assert len({counts[i] for counts in rooms}) >= 2, (sent, answered, i)
        if answered > 1:  # one person's answer is everybody's: the room knows it had one
            assert any(answered not in counts for counts in rooms), (sent, answered)
