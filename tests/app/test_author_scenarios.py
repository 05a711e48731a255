"""The lawful-basis scenario builder in the author area, in the test's own process: one entry of
the shared file built, checked against the site's bases and helper, previewed, published on its
own and opened again; roles and hostile input as for quizzes."""

from __future__ import annotations

import pytest
from _author_area import as_role  # its fixture `area` comes from tests/app/conftest.py
from _author_support import AuthorClient

from infoshare_widgets.content.cache import current_content
from infoshare_widgets.content.loader import default_content_dir

NEW = "/author/scenarios/new"


def form(client: AuthorClient, action: str, **extra) -> dict:
    data = {"csrf": client.csrf(NEW), "opened": "0", "action": action, "id": "carer-at-school",
            "title": "A young carer at school", "audience": "children", "organisation": "school",
            "situation": "A pupil who cares for her mum is **often late**.",
            "fits": ["public-task"], "explanation": "A school's safeguarding duty is a task.",
            "basis_feedback.consent": "Consent is not the right basis here.",
            "helper.who": "public", "sources.0.title": "Working Together, chapter 1",
            "sources.0.publisher": "Department for Education", "sources.0.url":
            "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
            "sources.0.checked": "2026-12-06"}
    data.update(extra)
    return data


def scenario_ids() -> set[str]:
    content = current_content(default_content_dir())
    return {s.id for s in content.scenarios.scenarios}


def test_a_scenario_is_checked_previewed_and_published_on_its_own(area) -> None:
    client = as_role(area, "pat", "publisher")
    blank = client.get(NEW)
    assert blank.status_code == 200 and "There is a problem" not in blank.text
    assert 'value="recognised-legitimate-interests"' in blank.text  # the site's bases offered
    wrong = client.post(NEW, form(client, "preview", fits=["no-such-basis"], **{
        "helper.who": "nobody", "sources.0.url": "ftp://x", "situation": "[What happened]"}))
    assert wrong.status_code == 200
    for said in ("Select a lawful basis from the list", "Select one of the helper",
                 "starting with https://", "Replace the placeholder"):
        assert said in wrong.text, said
    assert 'href="#sources.0.url"' in wrong.text and 'href="#helper.who"' in wrong.text
    preview = client.post(NEW, form(client, "preview"))
    assert "Preview: what learners will see" in preview.text
    assert "<strong>often late</strong>" in preview.text and "Public task" in preview.text
    done = client.post(NEW, form(client, "publish"))
    assert done.status_code == 303, done.text[:2000]
    assert "carer-at-school" in scenario_ids()
    opened = client.get("/author/scenarios/edit/carer-at-school")
    assert "You opened the version learners see now" in opened.text
    assert 'value="public-task" checked' in opened.text


def test_an_author_saves_a_scenario_draft_and_cannot_publish(area) -> None:
    client = as_role(area, "ann", "author")
    assert client.post(NEW, form(client, "publish")).status_code == 403
    saved = client.post(NEW, form(client, "save", title=""))
    assert saved.headers["Location"] == "/author/scenarios/edit/carer-at-school?done=saved"
    assert "carer-at-school" not in scenario_ids()


def test_a_shipped_scenario_opens_and_a_change_is_marked(area) -> None:
    client = as_role(area, "pat", "publisher")
    path = "/author/scenarios/edit/parent-objects-to-referral"
    opened = client.get(path)
    assert opened.status_code == 200 and "as it came with the training" in opened.text
    assert 'value="public-task" checked' in opened.text
    stale = client.post(path, form(client, "publish", id="parent-objects-to-referral",
                                   opened="3"))
    assert "changed since you opened it" in stale.text


@pytest.mark.parametrize("path", ["/author/scenarios/edit/..%2F..%2Fetc",
                                  "/author/scenarios/edit/UPPER", "/author/scenarios/edit/x.y"])
def test_path_tricks_open_nothing(area, path: str) -> None:
    assert as_role(area, "ann", "author").get(path).status_code == 404


def test_markup_in_a_scenario_is_text(area) -> None:
    client = as_role(area, "ann", "author")
    page = client.post(NEW, form(client, "preview", title="<script>alert(1)</script>",
                                 situation="<img src=x onerror=alert(2)>"))
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
