""""Preview as learners see it" end to end, on the "author" group's server (`author_server`):
an author builds a quiz, presses the button, opens the link by keyboard and answers a choice in
the learners' own quiz component (axe on both pages). The gate, without a browser: no session,
another author's session, an expired token, a token of the wrong shape, and a server without
``--authoring`` all get the site's 404 and nothing of the draft."""

from __future__ import annotations

import re
import time

from _app_support import answer_question, wait_settled
from _author_support import AuthorClient, add_account, process_environments
from test_author_publish_browser import PASSWORD, axe_clean, press, sign_in_from_link

from infoshare_widgets.content.preview_snapshots import EXPIRY_SECONDS, write_snapshot

TITLE = "A quiz previewed as learners see it"
FEEDBACK = ("Right: ask them.", "You do not have to decide alone.", "Not for advice.")
LINK = re.compile(r'href="(/voila/render/author/preview\.ipynb\?token=([A-Za-z0-9_-]{32}))"')


def fill_a_quiz(page) -> None:
    page.fill("#id", "previewed-quiz")
    page.fill("#title", TITLE)
    page.select_option("#section", "what-is-it")
    page.fill("[id='questions.0.prompt']", "Who can you ask for advice?")
    press(page, "button[value=add-option-0]")
    page.wait_for_selector("[id='questions.0.options.2.text']")
    for n, (answer, feedback) in enumerate(zip(
            ("Your safeguarding lead", "Nobody", "The person's neighbour"), FEEDBACK, strict=True)):
        page.fill(f"[id='questions.0.options.{n}.text']", answer)
        page.fill(f"[id='questions.0.options.{n}.feedback']", feedback)
    page.focus("[id='questions.0.options.0.correct']")
    page.keyboard.press("Space")


def preview_kernel_has_no_secrets(author_server, context) -> None:
    """The preview's kernel (started for it: its visit in its environment, not preheated) has
    neither the sign-in secret, the author store's address nor the author's session."""
    tree = process_environments(author_server.app.process.pid)
    kernels = [env for cmd, env in tree.values()
               if b"ipykernel" in cmd and b"QUERY_STRING=token=" in env]
    assert len(kernels) == 1 and b"VOILA_PREHEAT=False" in kernels[0]
    sessions = [c["value"].encode() for c in context.cookies() if "author" in c["name"]]
    assert sessions
    for secret in (b"infoshare-secret", b"INFOSHARE_OIDC_CLIENT_SECRET=",
                   b"INFOSHARE_AUTHORS_URL", *sessions):
        assert secret not in kernels[0], secret


def test_an_author_previews_a_quiz_in_the_learners_own_component(author_server,
                                                                 browser) -> None:
    link = add_account(author_server, "erin", "author")
    context = browser.new_context(viewport={"width": 1000, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        sign_in_from_link(page, link, "erin")
        page.goto(f"{author_server.url}/author/quizzes/new")
        press(page, "button[value=learner-preview]")  # nothing filled in: what to fix first
        page.wait_for_selector(".is-author-errors a[href='#id']")
        assert page.locator("#learner-preview-ready").count() == 0
        fill_a_quiz(page)
        press(page, "button[value=learner-preview]")
        page.wait_for_selector("#learner-preview-ready")
        assert page.evaluate("document.activeElement.target") == "infoshare-learner-preview"
        axe_clean(page)
        with context.expect_page() as opened:
            page.keyboard.press("Enter")  # the link has the focus: opened by keyboard
        preview = opened.value
        wait_settled(preview)
        preview_kernel_has_no_secrets(author_server, context)
        assert TITLE in preview.inner_text("main")
        assert preview.locator("h1").inner_text() == "Preview as learners see it"
        axe_clean(preview)
        said = answer_question(preview, 0)  # the options' order is the learners' (shuffled)
        assert any(f in said for f in FEEDBACK), said
        axe_clean(preview)
        stranger = browser.new_context(bypass_csp=True)  # the address without the session
        try:
            refused = stranger.new_page()
            assert refused.goto(preview.url).status == 404
            assert TITLE not in refused.content()
            assert refused.locator("h1").inner_text() == "This preview is not available"
            axe_clean(refused)
            log = author_server.app.log()  # the page's lines name its path, never its token
            assert "/voila/render/author/preview.ipynb (-)" in log
            assert preview.url.split("token=")[1] not in log
        finally:
            stranger.close()
    finally:
        context.close()


def make_preview(author_server, name: str) -> tuple[AuthorClient, str]:
    """An author `name` signed in (no browser) with a fresh preview: (their client, its address)."""
    client = AuthorClient(author_server.url)
    client.set_password(add_account(author_server, name, "author"), PASSWORD)
    assert client.sign_in(name, PASSWORD).status_code == 303
    form = {"csrf": client.csrf("/author/quizzes/new"), "opened": "0",
            "action": "learner-preview", "id": "gated-quiz", "title": TITLE,
            "section": "children", "questions.0.id": "first", "questions.0.prompt": "Who?",
            "questions.0.kind": "single", "questions.0.options.0.text": "A",
            "questions.0.options.0.correct": "on", "questions.0.options.0.feedback": "Yes.",
            "questions.0.options.1.text": "B", "questions.0.options.1.feedback": "No."}
    found = LINK.search(client.post("/author/quizzes/new", form).text)
    assert found
    return client, found.group(1)


def shows_nothing(response) -> bool:
    return response.status_code == 404 and TITLE not in response.text


def test_the_preview_page_is_refused_without_its_authors_session(author_server) -> None:
    client, address = make_preview(author_server, "fay")
    assert shows_nothing(AuthorClient(author_server.url).get(address))  # no cookie
    other = AuthorClient(author_server.url)
    other.http.cookies.set("infoshare_author_preview", "not-a-session")
    assert shows_nothing(other.get(address))
    client.post("/author/sign-out", {"csrf": client.csrf("/author")})
    client.http.cookies.set("infoshare_author_preview", "x")  # whatever the browser kept
    assert shows_nothing(client.get(address))


def test_an_expired_token_or_one_of_the_wrong_shape_shows_nothing(author_server) -> None:
    client, address = make_preview(author_server, "hal")
    expired = write_snapshot("quizzes", f"title: {TITLE}\n", "hal",
                             author_server.data_dir / "author-previews",
                             now=time.time() - EXPIRY_SECONDS - 1)
    base, token = address.split("?token=")
    for query in (f"token={expired}", "token=../published/quizzes/x", "token=abc",
                  f"token={token}&token={token}", f"token={token}x", ""):
        assert shows_nothing(client.get(f"{base}?{query}")), query
    assert client.get(address).status_code == 200  # the same session, its own live token


def test_another_authors_token_shows_nothing(author_server) -> None:
    _, address = make_preview(author_server, "ivy")
    other, own = make_preview(author_server, "jon")  # a session and a preview of their own
    assert shows_nothing(other.get(address))
    assert other.get(own).status_code == 200


def test_without_authoring_the_preview_page_does_not_exist(app_server) -> None:
    response = AuthorClient(app_server.url).get("/voila/render/author/preview.ipynb?token="
                                                + "a" * 32)
    assert response.status_code == 404 and "This preview is not available" not in response.text
