"""The case-study builder in Chromium (`?mode=author`): fill by mouse and keyboard, see each
field's problem beside it and the live preview, download the file (it validates and renders),
open an existing file; typed HTML stays inert; axe finds nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _app_support import describe_violations, open_page, run_axe
from _shipped import shipped_content
from playwright.sync_api import expect

from infoshare_widgets import pages
from infoshare_widgets.content import default_content_dir, load_content
from infoshare_widgets.pages.drafts import for_mode
from infoshare_widgets.ui.blocks import StaticHTML

SHIPPED = default_content_dir()
CONTENT = shipped_content()
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def t(key: str) -> str:
    return CONTENT.text("case_study", key)


def problem_beside(page, label: str, nth: int = 0) -> str:  # type: ignore[no-untyped-def]
    """The message shown beside a field: the element its aria-describedby names last."""
    field = page.get_by_label(label, exact=True).nth(nth)
    error_id = field.get_attribute("aria-describedby").split()[-1]
    error = page.locator(f"#{error_id}")
    return error.inner_text() if error.is_visible() else ""


@pytest.fixture
def builder(app_server, context):  # type: ignore[no-untyped-def]
    page = open_page(context, app_server.section_url("case-studies", "mode=author"))
    page.get_by_label(t("builder_id"), exact=True).wait_for()
    return page


def test_a_case_study_built_by_mouse_and_keyboard_downloads_a_file_that_validates_and_renders(
        builder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = builder
    # mouse: click into the id field and type; keyboard: Tab on to the next fields
    page.get_by_label(t("builder_id"), exact=True).click()
    page.keyboard.type("young-carer")
    page.keyboard.press("Tab")  # Name: left empty for now, so its problem shows beside it
    page.keyboard.press("Tab")
    page.keyboard.type("Young carer, aged 13")
    page.wait_for_function("() => document.body.innerText.includes('must not be empty')")
    assert "must not be empty" in problem_beside(page, t("builder_name"))
    assert page.get_by_label(t("builder_name"), exact=True).get_attribute("aria-invalid") == "true"
    assert problem_beside(page, t("builder_about")) == ""
    assert run_axe(page) == [], describe_violations(run_axe(page))

    page.get_by_label(t("builder_name"), exact=True).fill(f"Sam {HOSTILE}")
    page.get_by_label(t("builder_story"), exact=True).click()
    page.keyboard.type(f"Sam looks after his mum. {HOSTILE}")
    for n in range(3):
        page.get_by_label(t("builder_points"), exact=True).nth(n).fill(f"Point {n + 1}\nMore")
    preview = page.locator(".is-builder-preview")
    label = preview.locator(".is-draft-label")  # a draft until Draft is unticked (issue 13)
    label.wait_for()
    assert CONTENT.text("app", "draft_label") in label.inner_text() and label.is_visible()
    assert run_axe(page) == [], describe_violations(run_axe(page))
    draft = page.get_by_label(t("builder_draft"), exact=True)
    draft.focus()
    page.keyboard.press("Space")  # ready for learners
    assert not draft.is_checked()
    status = page.locator(".is-builder-status")
    status.filter(has_text=t("builder_no_problems")).wait_for()
    assert problem_beside(page, t("builder_name")) == ""
    label.wait_for(state="detached")
    preview.locator("h2").filter(has_text="Sam").wait_for()
    assert HOSTILE.split(">")[0] in preview.locator("h2").inner_text()  # shown as text
    assert preview.locator("img, script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert "What is worrying you?" in preview.inner_text()
    assert run_axe(page) == [], describe_violations(run_axe(page))

    button = page.get_by_role("button", name=t("builder_download"))
    button.focus()
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    download = caught.value
    assert download.suggested_filename == "young-carer.yaml"
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root)
    download.save_as(root / "case_studies" / "young-carer.yaml")
    content = load_content(root)
    assert content.problems == []
    case = next(c for c in content.case_studies if c.id == "young-carer")
    assert case.name == f"Sam {HOSTILE}" and not case.draft
    learner = pages.Page("case-studies", for_mode(content, "learner"))
    # the learners' page: the story is the page's own HTML, beside the case's widgets
    html = "".join(part.value for part in learner.case_studies().children
                   if isinstance(part, StaticHTML))
    assert "Sam &lt;img" in html and "<img" not in html


def test_an_existing_file_opens_in_the_form(builder) -> None:  # type: ignore[no-untyped-def]
    page = builder
    page.get_by_label(t("builder_open"), exact=True).set_input_files(
        str(SHIPPED / "case_studies" / "molly.yaml"))
    name = page.get_by_label(t("builder_name"), exact=True)
    expect(name).to_have_value("Molly", timeout=30_000)  # the form is redrawn: a fresh locator
    page.locator(".is-builder-preview h2").filter(has_text="Molly").wait_for()
    expect(page.locator(".is-builder-status")).to_contain_text("Opened molly.yaml.")
    page.get_by_label(t("builder_open"), exact=True).set_input_files(
        files=[{"name": "bad.yaml", "mimeType": "text/yaml", "buffer": b"name: ["}])
    page.locator(".is-builder-status").filter(has_text="bad.yaml could not be opened").wait_for()
    expect(name).to_have_value("Molly")


def test_learners_never_see_the_builder(loaded) -> None:  # type: ignore[no-untyped-def]
    page = loaded("case-studies")
    assert page.locator(".is-builder-form").count() == 0
