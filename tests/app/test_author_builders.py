"""The author area's item pages in the test's own process (no Voila, no browser): the list, the
quiz builder (errors, preview, drafts, publish), the history and roll back; roles, CSRF, hostile
ids, oversized posts and markup."""

from __future__ import annotations

import re

import pytest
from _author_area import as_role  # its fixture `area` comes from tests/app/conftest.py
from _author_support import AuthorClient

from infoshare_widgets.content.cache import current_content
from infoshare_widgets.content.loader import default_content_dir

NEW = "/author/quizzes/new"


def quiz_form(client: AuthorClient, action: str, quiz_id: str = "sharing-basics",
              path: str = NEW, **extra: str) -> dict[str, str]:
    form = {"csrf": client.csrf(path), "opened": "0", "action": action, "id": quiz_id,
            "title": "Sharing basics", "section": "children", "order": "",
            "facilitator_notes": "",
            "questions.0.id": "first", "questions.0.prompt": "Can you share **without** consent?",
            "questions.0.kind": "single", "questions.0.explanation": "",
            "questions.0.options.0.text": "Yes, sometimes", "questions.0.options.0.correct": "on",
            "questions.0.options.0.feedback": "Right: when a lawful basis allows it.",
            "questions.0.options.1.text": "Never", "questions.0.options.1.feedback": "Not so."}
    form.update(extra)
    return form


def test_the_home_lists_the_items_page_and_the_list_marks_what_changed(area) -> None:
    client = as_role(area, "ann", "author")
    assert 'href="/author/items"' in client.get("/author").text
    page = client.get("/author/items")
    assert page.status_code == 200
    assert "adults-guidance" in page.text and "Create a quiz" in page.text
    assert "<strong>Changed on this site</strong>" not in page.text


def test_a_blank_form_shows_no_errors_and_a_check_shows_them_in_a_summary(area) -> None:
    client = as_role(area, "ann", "author")
    blank = client.get(NEW)
    assert blank.status_code == 200 and "There is a problem" not in blank.text
    checked = client.post(NEW, {"csrf": client.csrf(NEW), "action": "preview",
                                "section": "children"})
    assert checked.status_code == 200 and "There is a problem" in checked.text
    assert 'href="#id"' in checked.text and "Enter an id, like young-carer-sam" in checked.text
    assert 'href="#title"' in checked.text and 'aria-invalid="true"' in checked.text
    assert "<title>Error:" in checked.text


def test_buttons_add_and_remove_questions_and_answers_without_errors(area) -> None:
    client = as_role(area, "ann", "author")
    more = client.post(NEW, quiz_form(client, "add-question"))
    assert 'name="questions.1.prompt"' in more.text and "There is a problem" not in more.text
    fewer = client.post(NEW, quiz_form(client, "remove-option-0-1"))
    assert 'name="questions.0.options.1.text"' not in fewer.text
    added = client.post(NEW, quiz_form(client, "add-option-0"))
    assert 'name="questions.0.options.2.text"' in added.text


def test_the_preview_is_sanitised_markup(area) -> None:
    client = as_role(area, "ann", "author")
    page = client.post(NEW, quiz_form(client, "preview", **{
        "questions.0.options.1.text": "<img src=x onerror=alert(1)>",
        "questions.0.options.1.feedback": "<script>alert(2)</script> [x](javascript:alert(3))"}))
    assert page.status_code == 200 and "Preview: what learners will see" in page.text
    assert "<strong>without</strong>" in page.text
    assert "<img" not in page.text and "<script>alert" not in page.text
    assert "href=\"javascript:" not in page.text


def test_an_author_saves_a_draft_that_learners_and_facilitators_never_load(area) -> None:
    client = as_role(area, "ann", "author")
    saved = client.post(NEW, quiz_form(client, "save", **{"title": ""}))
    assert saved.status_code == 303
    assert saved.headers["Location"] == "/author/quizzes/edit/sharing-basics?done=saved"
    reopened = client.get("/author/quizzes/edit/sharing-basics")
    assert "You opened your saved draft" in reopened.text
    assert "Can you share **without** consent?" in reopened.text
    content = current_content(default_content_dir())  # what pages load, with the overlay
    assert "sharing-basics" not in {q.id for q in content.quizzes}
    assert "a draft is saved" in client.get("/author/items").text


def test_an_author_cannot_publish_and_a_publisher_can(area) -> None:
    author = as_role(area, "ann", "author")
    refused = author.post(NEW, quiz_form(author, "publish"))
    assert refused.status_code == 403 and "Only publishers" in refused.text
    publisher = as_role(area, "pat", "publisher")
    done = publisher.post(NEW, quiz_form(publisher, "publish"))
    assert done.status_code == 303, done.text
    assert "sharing-basics" in {q.id for q in current_content(default_content_dir()).quizzes}
    listed = publisher.get("/author/items").text
    assert "Added on this site" in listed and "/author/history/quizzes/sharing-basics" in listed


def test_a_taken_id_and_a_placeholder_are_errors_in_words(area) -> None:
    client = as_role(area, "pat", "publisher")
    page = client.post(NEW, quiz_form(client, "publish", quiz_id="adults-guidance",
                                      title="[Title of the quiz]"))
    assert page.status_code == 200
    assert "A quiz with this id is already on the site" in page.text
    assert "Replace the placeholder" in page.text


def test_publishing_is_refused_when_someone_published_since_it_was_opened(area) -> None:
    client = as_role(area, "pat", "publisher")
    assert client.post(NEW, quiz_form(client, "publish")).status_code == 303
    path = "/author/quizzes/edit/sharing-basics"
    stale = client.post(path, quiz_form(client, "publish", path=path, opened="0"))
    assert stale.status_code == 200 and "changed since you opened it" in stale.text


def test_a_changed_shipped_quiz_is_marked_and_rolls_back_with_a_readable_diff(area) -> None:
    client = as_role(area, "pat", "publisher")
    path = "/author/quizzes/edit/tips-decisions"
    opened = client.get(path)
    assert "as it came with the training" in opened.text
    form = {k: v for k, v in _fields(opened.text).items()}
    form.update(csrf=client.csrf(path), action="publish", title="Tips: decisions, changed")
    done = client.post(path, form)
    assert done.status_code == 303, done.text[:3000]
    assert "<strong>Changed on this site</strong>" in client.get("/author/items").text
    history = client.get("/author/history/quizzes/tips-decisions")
    assert "<ins>+title: &#39;Tips: decisions, changed&#39;</ins>" in history.text
    assert history.text.count("<ins>") < 5  # what changed, not how the file was laid out
    assert "Roll back to version" not in history.text  # one version: nothing to go back to
    again = dict(form, csrf=client.csrf(path), opened="1", title="Tips again")
    assert client.post(path, again).status_code == 303
    back = client.post("/author/history/quizzes/tips-decisions",
                       {"csrf": client.csrf("/author/history/quizzes/tips-decisions"), "to": "1"})
    assert back.status_code == 303
    titles = {q.id: q.title for q in current_content(default_content_dir()).quizzes}
    assert titles["tips-decisions"] == "Tips: decisions, changed"


def test_pages_need_a_session_and_changes_need_the_csrf_token(area) -> None:
    url, _, _ = area
    stranger = AuthorClient(url)
    assert stranger.get("/author/items").status_code == 303
    assert stranger.get(NEW).status_code == 303
    assert stranger.post(NEW, {"csrf": stranger.csrf(), "id": "x"}).status_code == 403
    client = as_role(area, "pat", "publisher")
    assert client.post(NEW, dict(quiz_form(client, "publish"), csrf="forged")).status_code == 403
    cross = client.post(NEW, quiz_form(client, "publish"),
                        headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403
    assert "sharing-basics" not in {q.id for q in current_content(default_content_dir()).quizzes}


@pytest.mark.parametrize("path", ["/author/quizzes/edit/..%2F..%2Fetc%2Fpasswd",
                                  "/author/quizzes/edit/Bad.Id",
                                  "/author/quizzes/edit/nothing-here",
                                  "/author/history/..%2Fpublished/x",
                                  "/author/history/quizzes/..%2F..%2Fsecret"])
def test_path_tricks_in_ids_open_nothing(area, path: str) -> None:
    client = as_role(area, "ann", "admin")
    page = client.get(path)
    assert page.status_code == 404 and "root:" not in page.text


def test_a_saved_id_that_is_a_path_trick_is_an_id_error(area) -> None:
    client = as_role(area, "ann", "author")
    page = client.post(NEW, quiz_form(client, "save", quiz_id="../../etc/x"))
    assert page.status_code == 200 and 'href="#id"' in page.text
    _, _, folder = area
    assert not list(folder.rglob("x.yaml"))


def test_an_oversized_post_is_refused(area) -> None:
    client = as_role(area, "ann", "author")
    big = client.post(NEW, quiz_form(client, "save", **{"questions.0.prompt": "x" * 600_000}))
    assert big.status_code == 413


def _fields(page: str) -> dict[str, str]:
    """The form's text fields, choices and selects as a browser would post them."""
    from html import unescape
    out: dict[str, str] = {}
    for name, value in re.findall(r'<input type="text" id="[^"]+" name="([^"]+)" value="([^"]*)"',
                                  page):
        out[unescape(name)] = unescape(value)
    for name, value in re.findall(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)</textarea>',
                                  page):
        out[unescape(name)] = unescape(value)
    for name, value in re.findall(r'name="([^"]+)" value="(\w+)" checked', page):
        out[name] = value
    for name in re.findall(r'name="([^"]+\.correct)" checked', page):
        out[name] = "on"
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'value="([^"]*)" selected', body)
        out[name] = chosen.group(1) if chosen else ""
    out["opened"] = re.search(r'name="opened" value="(\d+)"', page).group(1)  # type: ignore
    return out


def test_a_draft_can_be_discarded_and_a_published_item_withdrawn(area) -> None:
    client = as_role(area, "pat", "publisher")
    assert client.post(NEW, quiz_form(client, "save")).status_code == 303
    path = "/author/quizzes/edit/sharing-basics"
    gone = client.post(path, quiz_form(client, "discard", path=path))
    assert gone.headers["Location"] == "/author/items?done=discarded"
    assert client.get(path).status_code == 404
    assert client.post(NEW, quiz_form(client, "publish")).status_code == 303
    history = "/author/history/quizzes/sharing-basics"
    out = client.post(history, {"csrf": client.csrf(history), "withdraw": "1"})
    assert out.status_code == 303
    assert "sharing-basics" not in {q.id for q in current_content(default_content_dir()).quizzes}
    assert "Withdrawn" in client.get(history).text


def test_an_author_cannot_roll_back_or_withdraw(area) -> None:
    publisher = as_role(area, "pat", "publisher")
    assert publisher.post(NEW, quiz_form(publisher, "publish")).status_code == 303
    author = as_role(area, "ann", "author")
    history = "/author/history/quizzes/sharing-basics"
    page = author.get(history)
    assert page.status_code == 200 and "Withdraw" not in page.text
    refused = author.post(history, {"csrf": author.csrf(path=NEW), "withdraw": "1"})
    assert refused.status_code == 403
    assert "sharing-basics" in {q.id for q in current_content(default_content_dir()).quizzes}
