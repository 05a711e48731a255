"""The case-study builder in the author area, in the test's own process: create, check, preview,
save a draft, publish, open again, roll back; a new draft may not take another author's id; the
"no such item" page leads home when signed in."""

from __future__ import annotations

from pathlib import Path

from _author_area import as_role  # its fixture `area` comes from tests/app/conftest.py
from _author_support import AuthorClient

from infoshare_widgets.content.cache import current_content
from infoshare_widgets.content.loader import default_content_dir

NEW = "/author/case_studies/new"


def form(client: AuthorClient, action: str, path: str = NEW, **extra) -> dict:
    data = {"csrf": client.csrf(path), "opened": "0", "action": action, "id": "sam-at-club",
            "name": "Sam at the youth club", "about": "A worker hears something worrying.",
            "audience": "children", "story": "Sam, 13, says **home is hard**.",
            "questions.0.id": "q1", "questions.0.prompt": "What do you do first?",
            "questions.0.points": "Listen.\nWrite down what Sam said."}
    data.update(extra)
    return data


def case_ids() -> set[str]:
    return {c.id for c in current_content(default_content_dir()).case_studies}


def test_a_case_study_is_checked_previewed_published_and_rolled_back(area) -> None:
    client = as_role(area, "pat", "publisher")
    blank = client.get(NEW)
    assert blank.status_code == 200 and "There is a problem" not in blank.text
    assert 'name="questions.2.prompt"' in blank.text  # the pack's three prompts
    wrong = client.post(NEW, form(client, "preview", story="", about="[One line]",
                                  **{"questions.0.points": ""}))
    for said in ("Enter the story", "Replace the placeholder",
                 "Enter the model points for question 1"):
        assert said in wrong.text, said
    assert 'href="#questions.0.points"' in wrong.text and 'href="#story"' in wrong.text
    preview = client.post(NEW, form(client, "preview"))
    assert "There is a problem" not in preview.text
    assert "<strong>home is hard</strong>" in preview.text and "Write down what Sam" in preview.text
    assert client.post(NEW, form(client, "publish")).status_code == 303
    assert "sam-at-club" in case_ids()
    path = "/author/case_studies/edit/sam-at-club"
    opened = client.get(path)
    assert "You opened the version learners see now" in opened.text
    assert "Sam at the youth club" in opened.text
    changed = client.post(path, form(client, "publish", path, opened="1",
                                     name="Sam at the club"))
    assert changed.status_code == 303, changed.text[:2000]
    history = client.get("/author/history/case_studies/sam-at-club")
    assert "Sam at the club" in history.text
    rolled = client.post("/author/history/case_studies/sam-at-club",
                         {"csrf": client.csrf("/author/history/case_studies/sam-at-club"),
                          "to": "1"})
    assert rolled.status_code == 303
    names = {c.id: c.name for c in current_content(default_content_dir()).case_studies}
    assert names["sam-at-club"] == "Sam at the youth club"


def test_a_shipped_case_study_opens_and_its_id_is_taken(area) -> None:
    client = as_role(area, "ann", "author")
    shipped = sorted(case_ids())[0]
    opened = client.get(f"/author/case_studies/edit/{shipped}")
    assert opened.status_code == 200 and "as it came with the training" in opened.text
    taken = client.post(NEW, form(client, "save", id=shipped))
    assert "A case study with this id is already on the site" in taken.text


def test_a_new_draft_may_not_take_another_authors_draft_id(area) -> None:
    ann, bob = as_role(area, "ann", "author"), as_role(area, "bob", "author")
    first = ann.post(NEW, form(ann, "save"))
    assert first.headers["Location"] == "/author/case_studies/edit/sam-at-club?done=saved"
    again = ann.post(NEW, form(ann, "save", name="Ann's second go"))
    assert again.status_code == 303  # the same author may save over their own draft
    refused = bob.post(NEW, form(bob, "save", name="Bob's case"))
    assert refused.status_code == 200 and "Another author already has a draft" in refused.text
    assert 'href="#id"' in refused.text
    kept = ann.get("/author/case_studies/edit/sam-at-club")
    assert "Ann&#39;s second go" in kept.text or "Ann's second go" in kept.text
    opened = bob.post("/author/case_studies/edit/sam-at-club",
                      form(bob, "save", "/author/case_studies/edit/sam-at-club",
                           name="Bob helps"))
    assert opened.status_code == 303  # opened from the list: changed on purpose


def test_no_such_item_leads_home_when_signed_in(area) -> None:
    client = as_role(area, "ann", "author")
    page = client.get("/author/case_studies/edit/no-such-case")
    assert page.status_code == 404
    assert 'href="/author"' in page.text and "/author/sign-in\"" not in page.text


def test_the_live_preview_draws_sanitised_html_and_saves_nothing(area, tmp_path: Path) -> None:
    client = as_role(area, "ann", "author")
    page = client.get(NEW)
    assert 'data-preview="/author/preview/case_studies"' in page.text
    assert '<script src="/author/static/author.js" defer></script>' in page.text
    answer = client.post("/author/preview/case_studies", form(
        client, "", story="Sam says **home is hard**. <script>alert(1)</script>"))
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith(
        "application/json")
    found = answer.json()
    assert "<strong>home is hard</strong>" in found["html"] and found["errors"] == {}
    assert "<script>" not in found["html"]
    problems = client.post("/author/preview/case_studies", form(client, "", story="")).json()
    assert problems["html"] == "" and problems["errors"]["story"] == "Enter the story"
    assert not list((tmp_path / "drafts").rglob("*.yaml"))  # previewing keeps no draft
    for kind in ("quizzes", "scenarios"):
        assert client.post(f"/author/preview/{kind}", {"csrf": client.csrf(NEW)}).json()[
            "errors"]


def test_the_live_preview_needs_a_session_and_the_pages_token(area) -> None:
    client = as_role(area, "ann", "author")
    forged = client.post("/author/preview/case_studies", form(client, "", csrf="x"))
    assert forged.status_code == 403 and "errors" not in forged.text
    assert client.post("/author/preview/secrets", form(client, "")).status_code == 404
    stranger = AuthorClient(area[0])
    assert stranger.post("/author/preview/case_studies",
                         {"csrf": stranger.csrf()}).status_code == 403


def test_the_script_is_served_from_the_area_with_no_inline_code(area) -> None:
    client = as_role(area, "ann", "author")
    script = client.get("/author/static/author.js")
    assert script.status_code == 200 and "javascript" in script.headers["Content-Type"]
    assert "focusout" in script.text and "data.errors[field.name]" in script.text
    for path in (NEW, "/author/quizzes/new", "/author/scenarios/new"):
        page = client.get(path).text
        assert "<script>" not in page and " on" + "input=" not in page
        assert "data-preview=" in page and 'id="preview-status" role="status"' in page
