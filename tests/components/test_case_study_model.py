"""The case-study model: revealing points all at once or one at a time; safe wording."""

from __future__ import annotations

from h4_samples import IMG, SCRIPT, assert_inert, case_study

from infoshare_widgets.case_study.model import CaseStudyPanel
from infoshare_widgets.content.templates import fill
from infoshare_widgets.ui.reveal import Reveal, RevealWording

WORDING = RevealWording(reveal="Reveal", next="Next", hide="Hide",
                        progress="{shown} of {total}", done="All {total} shown")


def test_reveal_all_at_once_then_hide() -> None:
    r = Reveal(("a", "b", "c"))
    assert (r.visible, r.expanded, r.action) == ([], False, "reveal")
    r.press()
    assert (r.visible, r.expanded, r.all_shown, r.action) == (["a", "b", "c"], True, True, "hide")
    r.press()
    assert (r.visible, r.expanded, r.action) == ([], False, "reveal")


def test_step_mode_reveals_one_point_per_press_then_hides() -> None:
    r = Reveal(("a", "b", "c"), step_mode=True)
    seen = []
    for _ in range(3):
        assert r.action == "next"
        r.press()
        seen.append(r.visible)
    assert seen == [["a"], ["a", "b"], ["a", "b", "c"]]
    assert r.all_shown and r.action == "hide"
    r.press()
    assert r.visible == [] and r.action == "next"


def test_reveal_with_nothing_to_show_stays_closed() -> None:
    r = Reveal(())
    r.press()
    assert r.visible == [] and not r.expanded and r.total == 0


def test_status_only_in_step_mode_and_says_when_all_are_shown() -> None:
    learner = Reveal(("a", "b"))
    learner.press()
    assert WORDING.status(learner) == ""
    facilitator = Reveal(("a", "b"), step_mode=True)
    assert WORDING.status(facilitator) == ""
    facilitator.press()
    assert WORDING.status(facilitator) == "1 of 2"
    facilitator.press()
    assert WORDING.status(facilitator) == "All 2 shown"
    assert [WORDING.button(Reveal(("a",))), WORDING.button(facilitator)] == ["Reveal", "Hide"]


def test_panel_has_a_reveal_per_question_with_sanitised_points() -> None:
    case = case_study(story=f"Story {IMG} {SCRIPT}",
                      questions=[{"id": "q", "prompt": "P?", "points": [f"*Point* {IMG}",
                                                                        SCRIPT]}])
    panel = CaseStudyPanel(case)
    assert list(panel.reveals) == ["q"]
    reveal = panel.press("q")
    assert reveal.visible[0].startswith("<em>Point</em>")
    for html in [*reveal.visible, panel.story_html]:
        assert_inert(html)
    assert "&lt;script&gt;" in reveal.visible[1]


def test_panel_step_mode_and_state_reports_fully_revealed_questions() -> None:
    panel = CaseStudyPanel(case_study(), step_mode=True)
    assert panel.state() == {"id": "sample-case", "revealed": []}
    panel.press("contact")  # one point: all shown at once
    panel.press("worrying")  # one of three
    assert panel.reveals["worrying"].visible == ["Sam is often late"]
    assert panel.state()["revealed"] == ["contact"]


def test_fill_never_raises_on_a_wording_typo() -> None:
    assert fill("{shown} of {total}", shown=1, total=2) == "1 of 2"
    assert fill("{shwn} of {total}", shown=1, total=2) == "{shwn} of 2"
    assert fill("oops {", shown=1) == "oops {"
    assert fill("{0}", shown=1) == "{0}"
