"""The case-study builder without a browser: form values to a valid file, problems by field,
files opened and downloaded unchanged, typed HTML inert, nothing written or logged."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from _shipped import shipped_content

from infoshare_widgets.case_builder import blank_values, build, open_text, values_from_data
from infoshare_widgets.content import default_content_dir, load_content
from infoshare_widgets.content.scaffold import case_study_prompts
from infoshare_widgets.pages.builder import CaseBuilder

SHIPPED = default_content_dir()
CONTENT = shipped_content()


def filled(**changes: Any) -> dict[str, Any]:
    values = blank_values(case_study_prompts())
    values.update(id="young-carer", name="Sam", about="Young carer, aged 13",
                  story="Sam looks after his mum.\n\nHe is often late.", draft=False)
    for q in values["questions"]:
        q["points"] = "A first point\nA second point"
    values.update(changes)
    return values


def test_a_blank_form_starts_with_the_packs_prompts_and_names_each_empty_field() -> None:
    values = blank_values(case_study_prompts())
    assert [q["prompt"] for q in values["questions"]] == [
        "What is worrying you?", "Who would you contact and how would you share information?",
        "How would you follow up on your information sharing?"]
    built = build(values)
    assert built.case is None
    assert set(built.errors) == {"id", "name", "about", "story", "questions.0.points",
                                 "questions.1.points", "questions.2.points"}
    assert built.errors["name"] == "must not be empty"


def test_a_filled_form_gives_a_file_that_loads_unchanged(tmp_path: Path) -> None:
    built = build(filled())
    assert built.errors == {} and built.case is not None and built.filename == "young-carer.yaml"
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root)
    (root / "case_studies" / built.filename).write_text(built.yaml_text, encoding="utf-8")
    content = load_content(root)
    assert content.problems == [] and content.warnings == []
    assert next(c for c in content.case_studies if c.id == "young-carer") == built.case
    assert built.case.story == "Sam looks after his mum.\n\nHe is often late."
    assert built.case.questions[0].points == ["A first point", "A second point"]


@pytest.mark.parametrize("name", ["jessie", "molly", "trevor", "godavari"])
def test_a_shipped_case_opened_and_downloaded_is_the_same_case(name: str) -> None:
    text = (SHIPPED / "case_studies" / f"{name}.yaml").read_text(encoding="utf-8")
    data, why = open_text(text)
    assert why == "" and data is not None
    built = build(values_from_data(data), data)
    assert built.errors == {}
    again = yaml.safe_load(built.yaml_text)
    assert again.pop("format") == 1
    assert again == data  # every field, the form's and the others (order), kept


@pytest.mark.parametrize("text, reason", [
    ("name: [", "line 1: YAML syntax error"),
    ("!!python/object/apply:os.system [ls]", "is not allowed"),
    ("a: &x 1\nb: *x\n", "anchors and aliases"),
    ("format: 9\nid: x\n", "format 9 is newer"),
    (None, "too large"),
    ("x" * (1024 * 1024 + 1), "too large"),
])
def test_a_file_that_cannot_be_opened_says_why(text: str | None, reason: str) -> None:
    data, why = open_text(text)
    assert data is None and reason in why


def test_problems_are_keyed_by_the_field_they_concern() -> None:
    values = filled(id="Not An Id", audience="teens")
    values["questions"][1]["prompt"] = ""
    built = build(values)
    assert set(built.errors) == {"id", "audience", "questions.1.prompt"}
    assert "not a valid id" in built.errors["id"]


def test_the_page_previews_with_the_learners_component_and_html_stays_text(
        caplog: pytest.LogCaptureFixture) -> None:
    builder = CaseBuilder(CONTENT)
    assert builder.preview.children == ()
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    caplog.set_level(logging.DEBUG)
    builder.edit(filled(name=f"Sam {hostile}", story=f"Story {hostile}"))
    assert builder.form.errors == {} and builder.download.filename == "young-carer.yaml"
    (view,) = builder.preview.children
    assert type(view).__name__ == "CaseStudyView"
    html = view.children[0].value
    assert "<img" not in html and "<script" not in html and "&lt;img src=x" in html
    builder.edit(filled(name=""))  # a problem: the last good preview stays, the problem shows
    assert builder.preview.children == (view,)
    assert builder.form.errors == {"name": "must not be empty"}
    assert builder.form.status.startswith("1 problem")
    assert "Sam" not in caplog.text and "alert" not in caplog.text  # nothing typed is logged


def test_opening_a_file_fills_the_form_and_a_broken_one_says_so() -> None:
    builder = CaseBuilder(CONTENT)
    before = builder.form.values_version
    said: list[str] = []  # the live region's line: set once, so a screen reader hears it once
    builder.form.observe(lambda change: said.append(change["new"]), names="status")
    builder.open("jessie.yaml", (SHIPPED / "case_studies" / "jessie.yaml").read_text("utf-8"))
    assert len(said) == 1 and said[0].startswith("Opened jessie.yaml.")
    assert builder.form.values_version == before + 1
    assert builder.form.values["name"] == "Jessie" and builder.download.filename == "jessie.yaml"
    assert builder.form.status.startswith("Opened jessie.yaml.")
    (view,) = builder.preview.children  # drawn as on the learners' page, its links included
    assert "is-case-see-also" in view.children[-2].value
    builder.open("bad.yaml", "name: [")
    assert builder.form.status.startswith("bad.yaml could not be opened: line 1")
    assert builder.form.values["name"] == "Jessie"  # the form is left as it was


def test_the_forms_messages_reach_the_page_and_bad_ones_are_ignored() -> None:
    builder = CaseBuilder(CONTENT)
    builder.form._handle_custom_msg({"event": "edit", "values": filled()}, [])
    assert builder.form.status == CONTENT.text("case_study", "builder_no_problems")
    builder.form._handle_custom_msg({"event": "edit", "values": "nonsense"}, [])
    builder.form._handle_custom_msg(["not", "a", "dict"], [])
    builder.form._handle_custom_msg({"event": "open", "name": "big.yaml", "too_large": True}, [])
    assert "too large" in builder.form.status


def test_nothing_is_written_on_the_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    builder = CaseBuilder(CONTENT)
    builder.edit(filled())
    builder.open("jessie.yaml", (SHIPPED / "case_studies" / "jessie.yaml").read_text("utf-8"))
    assert list(tmp_path.iterdir()) == []
    assert sorted(p.name for p in (SHIPPED / "case_studies").iterdir()) == [
        "godavari.yaml", "jessie.yaml", "molly.yaml", "trevor.yaml"]


def test_only_the_author_view_of_case_studies_has_the_builder() -> None:
    from infoshare_widgets import pages

    def kinds(widget: Any) -> set[str]:
        out = {type(widget).__name__}
        for child in getattr(widget, "children", ()):
            out |= kinds(child)
        return out

    assert "CaseBuilderForm" in kinds(pages.Page("case-studies", CONTENT, "author").case_studies())
    for mode in ("learner", "facilitator"):
        found = kinds(pages.Page("case-studies", CONTENT, mode).case_studies())
        assert "CaseBuilderForm" not in found and "CaseStudyView" in found


def test_an_id_already_in_the_content_is_named_unless_that_file_was_opened() -> None:
    builder = CaseBuilder(CONTENT)
    builder.edit(filled(id="jessie"))
    assert "jessie" in builder.form.errors["id"] and "already" in builder.form.errors["id"]
    assert builder.preview.children  # still previewed: only the id must change
    builder.open("jessie.yaml", (SHIPPED / "case_studies" / "jessie.yaml").read_text("utf-8"))
    assert builder.form.errors == {}
