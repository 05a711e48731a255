"""The helper's view without a browser: messages from the page, the result, the carry button."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from h4_samples import make_content, ui

from infoshare_widgets.basis_helper.view import BasisHelperWidget, basis_helper_widget
from infoshare_widgets.content import Content, load_content

CONTENT = Path(__file__).resolve().parents[2] / "content"
ALL = {"who": "charity", "about": "adult-at-risk", "data": "special", "urgent": "no",
       "consent": "cannot", "duty": "no"}


@pytest.fixture(scope="module")
def content() -> Content:
    """The shipped helper (its logic is what is tested) with the fixed test wording."""
    helper = load_content(CONTENT).basis_helper
    assert helper is not None
    return make_content(root=CONTENT, basis_helper=helper)


def send(widget: BasisHelperWidget, event: str) -> None:
    widget._handle_custom_msg({"event": event}, [])


def test_each_question_is_drawn_with_its_options_as_plain_text(content: Content) -> None:
    widget = basis_helper_widget(content)
    assert isinstance(widget, BasisHelperWidget)
    assert [q["id"] for q in widget.questions] == ["who", "about", "data", "urgent", "consent",
                                                  "duty"]
    assert all(len(q["options"]) >= 2 and q["prompt"] for q in widget.questions)
    assert widget.label.startswith("Not from the pack")
    assert widget.use_label == "", "no carry button without a decision record to carry to"


def test_no_result_until_every_question_is_answered(content: Content) -> None:
    widget = basis_helper_widget(content)
    widget.answers = {"who": "public"}
    send(widget, "show")
    assert widget.result_html == "" and widget.outcome is None
    assert widget.status == ui("lawful_basis", "helper_missing").format(count=5)
    assert widget.announcements == 1


def test_the_result_names_each_part_and_is_announced_once(content: Content) -> None:
    widget = basis_helper_widget(content)
    widget.answers = ALL
    send(widget, "show")
    assert widget.outcome is not None
    assert widget.outcome.rule_ids == {"basis": "voluntary", "condition": "special-at-risk",
                                       "confidentiality": "cannot-decide", "record": "always"}
    html = widget.result_html
    for part, rule in widget.outcome.parts:
        assert part.heading in html.replace("&#x27;", "'")
        assert rule.summary in html.replace("&#x27;", "'")
    assert "paragraph 18" in html and "ico.org.uk" in html and 'rel="noopener noreferrer"' in html
    # The plain answer first; the provisions and sources one step away, under the content's label.
    assert html.count('<details class="is-helper-law">') == len(widget.outcome.parts)
    assert f"<summary>{widget._helper.law_label}</summary>" in html
    first_law = html.index('<details class="is-helper-law">')
    assert html.index("is-helper-summary") < first_law < html.index("is-source")
    assert widget.announcements == 1
    assert widget.status.startswith(ui("lawful_basis", "helper_shown").split("{")[0])
    assert "Recognised legitimate interests" in widget.status
    assert widget.results == 1


def test_changing_an_answer_takes_the_old_result_away_quietly(content: Content) -> None:
    widget = basis_helper_widget(content)
    widget.answers = ALL
    send(widget, "show")
    said = widget.announcements
    widget.answers = {**ALL, "urgent": "yes"}
    assert widget.result_html == "" and widget.outcome is None and widget.status == ""
    assert widget.announcements == said, "clearing is not announced"
    send(widget, "show")
    assert widget.outcome.rule_ids["basis"] == "life-safeguarding"  # type: ignore[union-attr]


def test_start_again_clears_everything(content: Content) -> None:
    widget = basis_helper_widget(content)
    widget.answers = ALL
    send(widget, "show")
    send(widget, "clear")
    assert widget.answers == {} and widget.result_html == "" and widget.status == ""


def test_answers_that_name_nothing_are_ignored(content: Content) -> None:
    widget = basis_helper_widget(content)
    widget.answers = {"who": "everyone", "colour": "blue", "data": 3}
    send(widget, "show")
    assert widget.outcome is None
    assert widget.status == ui("lawful_basis", "helper_missing").format(count=6)
    send(widget, "nonsense")  # unknown events do nothing and never raise


def test_the_carry_button_hands_the_result_to_the_page(content: Content) -> None:
    carried = []

    def use(outcome):  # type: ignore[no-untyped-def]
        carried.append(outcome)
        return "carried"

    widget = basis_helper_widget(content, on_use=use)
    assert widget.use_label
    send(widget, "use")
    assert carried == [], "nothing to carry before a result"
    widget.answers = ALL
    send(widget, "show")
    send(widget, "use")
    assert [o.bases for o in carried] == [("recognised-legitimate-interests",
                                          "legitimate-interests")]
    assert widget.status == "carried"


def test_authored_html_is_sanitised(content: Content, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    path = root / "lawful_basis_helper.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  Answer six questions", "  <script>alert(1)</script> Answer"
                                 " six questions", 1), encoding="utf-8")
    widget = basis_helper_widget(load_content(root))
    assert "<script>" not in widget.intro_html


def test_a_broken_helper_file_becomes_an_error_card(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    (root / "lawful_basis_helper.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    widget = basis_helper_widget(load_content(root))
    assert not isinstance(widget, BasisHelperWidget)
    assert "lawful_basis_helper.yaml" in widget.value  # the card names the file


def test_no_helper_file_means_no_helper(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    (root / "lawful_basis_helper.yaml").unlink()
    widget = basis_helper_widget(load_content(root))
    assert not isinstance(widget, BasisHelperWidget)
    assert list(widget.children) == []


def test_the_answers_sent_with_show_win_over_a_stale_state(content: Content) -> None:
    """ipywidgets holds back a state update while one is in flight but sends a message at once:
    the page sends its radios with "show", so a quick learner's last pick is never lost."""
    widget = basis_helper_widget(content)
    widget.answers = {k: v for k, v in ALL.items() if k != "duty"}  # duty in flight
    widget._handle_custom_msg({"event": "show", "answers": ALL}, [])
    assert widget.outcome is not None and widget.answers == ALL
    widget._handle_custom_msg({"event": "show", "answers": {"who": 3, "data": ["x"]}}, [])
    assert widget.outcome is None and widget.answers == {}, "only text ids are taken"
