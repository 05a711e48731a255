"""The lawful-basis selector without a browser: what each part shows, and the exercise driven as
question.js would drive it. The bases to explore are reading text: the page's own HTML."""

from __future__ import annotations

import logging
import re

import ipywidgets as widgets
import pytest
from _quiz_support import ROOT, bases, content, scenarios, text_of

from infoshare_widgets.content import Problem, load_content, models
from infoshare_widgets.lawful_basis import ScenarioExerciseView, lawful_basis_widget
from infoshare_widgets.ui.blocks import Parts, StaticHTML
from infoshare_widgets.ui.question import QuestionWidget

DETAILS = re.compile(r'<summary class="is-details-summary">(.*?)</summary>'
                     r'<div class="is-details-text">(.*?)</div></details>', re.S)


def send(question: QuestionWidget, message: dict) -> None:
    """Deliver a message as if it came from question.js in the browser."""
    question._handle_custom_msg(message, [])


def html_of(widget: widgets.Widget) -> str:
    """All the HTML text of a widget tree (HTML widgets and reveal items), in order."""
    if isinstance(widget, widgets.HTML | StaticHTML):
        return widget.value
    if isinstance(widget, QuestionWidget):
        return widget.heading + widget.intro_html + widget.prompt_html + widget.feedback_html
    return "".join(html_of(c) for c in getattr(widget, "children", ()))


@pytest.fixture
def full():
    return lawful_basis_widget(content(lawful_bases=bases(), scenarios=scenarios()))


def parts(widget: Parts) -> tuple[StaticHTML, ScenarioExerciseView]:
    """The bases, then the exercise: its heading and introduction, questions, source."""
    explore, header, exercise, source = widget.children
    assert isinstance(explore, StaticHTML) and isinstance(exercise, ScenarioExerciseView)
    assert isinstance(header, StaticHTML) and "<h2>" in header.value  # its title
    assert isinstance(source, StaticHTML)
    return explore, exercise


def test_each_basis_in_plain_english_with_how_often_it_fits(full) -> None:
    explore, _ = parts(full)
    text = text_of(html_of(explore))
    assert text.startswith("Basis for sharing information You must have a lawful basis.")
    for name, how, plain in [("Consent", "rarely", "The person agreed."),
                             ("Legal obligation", "usually", "The law says so."),
                             ("Vital interests", "sometimes", "To protect a life."),
                             ("Public task", "usually", "Your official job.")]:
        assert f"{name} T {how} T plain english {plain}" in text


def test_pack_text_and_guidance_sit_in_a_details_with_a_fixed_label(full) -> None:
    explore, _ = parts(full)
    reveals = DETAILS.findall(explore.value)  # native <details>: the browser opens them
    assert len(reveals) == 4
    summary, body = reveals[1]
    assert summary == "T show basis: Legal obligation"  # GOV.UK: a fixed label
    assert text_of(body) == ("T pack text necessary to comply with the law "
                             "T safeguarding Working Together 2023 names it. "
                             "T source label UK GDPR Article 6(1)")


def test_guidance_update_note_and_tool(full) -> None:
    explore, _ = parts(full)
    html = html_of(explore)
    text = text_of(html)
    assert ("T guidance heading Legal obligation or public task usually fit; "
            "vital interests in an emergency.") in text
    # The update is marked in words, not only by its coloured border.
    assert ("T update label Recognised legitimate interests A new basis. "
            "T source label Data (Use and Access) Act 2025") in text
    assert '<div class="is-update"><p class="is-update-label">T update label</p>' in html
    assert ("T tool label Lawful basis interactive tool "
            "(Information Commissioner's Office (ICO)).") in text
    assert "<a " not in html.split("T tool label")[1]  # no address given: no link invented


def test_tool_link_when_the_content_gives_an_address() -> None:
    b = bases().model_copy(update={"tool": models.Link(
        title="Lawful basis interactive tool", url="https://ico.org.uk/lawful-basis")})
    explore = lawful_basis_widget(content(lawful_bases=b)).children[0]
    assert ('<a href="https://ico.org.uk/lawful-basis" target="_blank" rel="noopener noreferrer">'
            "Lawful basis interactive tool") in html_of(explore)  # opens beside the app


def test_each_scenario_is_a_question_over_the_bases(full) -> None:
    _, exercise = parts(full)
    qs = [c for c in exercise.children if isinstance(c, QuestionWidget)]
    assert [q.heading for q in qs] == ["A referral from school", "A collapse at home"]
    assert text_of(qs[0].intro_html) == "T audience children A teacher is worried about a pupil."
    assert qs[1].intro_html.startswith('<p class="is-lb-audience"><em>T audience adults')
    assert qs[0].prompt_html == "T pick prompt"
    assert qs[0].kind == "single"
    assert [o["text"] for o in qs[0].options] == [
        "Consent", "Legal obligation", "Vital interests", "Public task"]
    assert exercise.score_text == "T score: 0 2"


def test_a_right_pick_says_correct_with_why_and_scores(full) -> None:
    _, exercise = parts(full)
    school = exercise._questions["school-referral"]
    send(school, {"event": "check", "chosen": [3]})
    assert school.status == "correct"
    assert text_of(school.feedback_html) == (
        "T correct A school's safeguarding duty is public. "
        "T also fits Legal obligation "
        "Working Together 2023 names legal obligation or public task.")
    assert exercise.score_text == "T score: 1 2"


def test_a_wrong_pick_says_not_quite_and_names_the_fitting_bases(full) -> None:
    _, exercise = parts(full)
    school = exercise._questions["school-referral"]
    send(school, {"event": "check", "chosen": [0]})
    assert school.status == "incorrect"
    assert text_of(school.feedback_html).startswith(
        "T not quite Consent is often not the right basis. "
        "T fits Legal obligation Public task")
    send(school, {"event": "try_again"})
    assert school.feedback_html == "" and school.chosen == []
    assert exercise.value["questions"]["school-referral"]["result"] == "incorrect"


def test_audience_shows_only_that_audiences_scenarios() -> None:
    w = lawful_basis_widget(content(lawful_bases=bases(), scenarios=scenarios()),
                            audience="adults")
    _, exercise = parts(w)
    assert list(exercise._questions) == ["collapse"]
    assert exercise.score_text == "T score: 0 1"


def test_missing_scenarios_file_shows_a_card_and_the_bases_still_work(caplog) -> None:
    c = content(lawful_bases=bases())
    path = c.root / "lawful_basis_scenarios.yaml"
    c.problems.append(Problem(path, "required file is missing"))
    with caplog.at_level(logging.WARNING):
        explore, card = lawful_basis_widget(c).children
    assert isinstance(explore, StaticHTML)
    assert "is-error-card-widget" in card._dom_classes
    assert text_of(card.value).endswith(" lawful_basis_scenarios.yaml")  # the file, named
    assert "lawful_basis_scenarios.yaml: required file is missing" in caplog.text


def test_broken_bases_file_shows_its_card(caplog) -> None:
    c = content(scenarios=scenarios())
    path = c.root / "lawful_bases.yaml"
    c.broken_files["lawful_bases"] = [path]
    c.problems.append(Problem(path, "required field is missing", field="guidance", line=3))
    with caplog.at_level(logging.WARNING):
        [card] = lawful_basis_widget(c).children
    assert text_of(card.value).endswith(" lawful_bases.yaml")
    assert "lawful_bases.yaml:3: guidance: required field is missing" in caplog.text


def test_a_scenario_naming_an_unknown_basis_becomes_a_card_and_the_rest_works(caplog) -> None:
    sc = scenarios()
    c = content(lawful_bases=bases(), scenarios=sc)
    path = c.root / "lawful_basis_scenarios.yaml"
    c.origins[id(sc)] = (path, {})
    c.problems.append(Problem(path, "'legal' is not a lawful basis id",
                              loc=("scenarios", 0, "fits", 0), line=9))
    with caplog.at_level(logging.WARNING):
        _, exercise = parts(lawful_basis_widget(c))
    card = exercise.children[0]  # its heading is the page's own HTML, before it
    assert "is-error-card-widget" in card._dom_classes
    assert "scenarios[0].fits[0]: 'legal' is not a lawful basis id" in caplog.text
    assert list(exercise._questions) == ["collapse"]
    send(exercise._questions["collapse"], {"event": "check", "chosen": [2]})
    assert exercise.score_text == "T score: 1 1"


def test_factory_returns_an_error_card_instead_of_raising(caplog) -> None:
    c = content(lawful_bases=bases(), scenarios=scenarios())
    c.scenarios = "not a scenarios file"  # type: ignore[assignment]
    with caplog.at_level(logging.ERROR):
        w = lawful_basis_widget(c)
    explore, card = w.children
    assert isinstance(explore, StaticHTML)
    assert "is-error-card-widget" in card._dom_classes
    assert "could not show the lawful-basis scenarios" in caplog.text


def test_shipped_lawful_bases_build_with_six_bases() -> None:
    shipped = load_content(ROOT / "content")
    explore = lawful_basis_widget(shipped).children[0]
    assert isinstance(explore, StaticHTML)
    names = [b.name for b in shipped.lawful_bases.bases]
    assert len(names) == 7  # the pack's six, and recognised legitimate interests (2026)
    text = text_of(html_of(explore))
    assert all(name in text for name in names)


def test_every_shipped_scenario_is_answerable_from_its_fits() -> None:
    shipped = load_content(ROOT / "content")
    _, exercise = parts(lawful_basis_widget(shipped))
    every = shipped.scenarios.scenarios
    assert every and list(exercise._questions) == [s.id for s in every]
    ids = [b.id for b in shipped.lawful_bases.bases]
    for s in every:
        question = exercise._questions[s.id]
        wrong = [i for i, b in enumerate(ids) if b not in s.fits]
        if wrong:
            send(question, {"event": "check", "chosen": [wrong[0]]})
            assert question.status == "incorrect", s.id
        send(question, {"event": "check", "chosen": [ids.index(s.fits[0])]})
        assert question.status == "correct", s.id
    n = len(every)
    assert exercise.score_text == shipped.text("quiz", "score").format(correct=n, total=n)
