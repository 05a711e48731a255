"""Reading text in the page's HTML (issue 26): what a learner can read before any script runs.

Each page is fetched over HTTP, as a browser first receives it: the topics, the title and the
landmarks are HTML in it (not JSON in a script for the front end to draw), and nothing revealed
later is. A page whose kernel never connects, or is lost, still reads, with its landmarks, and is
axe clean.
"""

from __future__ import annotations

import html
import re
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from _app_support import AppServer, describe_violations, run_axe
from _shipped import shipped_content

from infoshare_widgets.content import Content, default_content_dir
from infoshare_widgets.content.markdown import to_html

CONTENT = shipped_content()
SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
HOSTILE = ('<script>alert("PWNED-26")</script><img src=x onerror="alert(26)"> '
           "[x](javascript:alert(1))")


def fetch(url: str) -> str:
    """The page as the server sends it (read to its end), no browser, no websocket."""
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (loopback)
        assert response.status == 200
        return response.read().decode("utf-8")


def page_html(page: str) -> str:
    """The page's own HTML: every script (Voila's JSON for widgets among them) taken out."""
    return SCRIPT.sub("", page)


def plain(markup: str) -> str:
    """Text as a reader gets it: tags gone, entities read, spaces collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


def revealed_later(content: Content, section_id: str) -> list[str]:
    """What a learner's page must not hold before it is revealed: model points, answer keys
    and option feedback, and every facilitator note (a learner's page never has them)."""
    texts: list[str | None] = []
    for quiz in content.quizzes_for(section_id):
        texts.append(quiz.facilitator_notes)
        for question in quiz.questions:
            texts.append(question.explanation)
            texts += [option.feedback for option in question.options]
    if section_id == "case-studies":
        for case in content.case_studies:
            texts.append(case.facilitator_notes)
            texts += [point for q in case.questions for point in q.points]
    if section_id == "what-is-it" and content.scenarios:  # the scenarios' answers
        for scenario in content.scenarios.scenarios:
            texts.append(scenario.explanation)
            texts += list(scenario.basis_feedback.values())
    rules = content.golden_rules_for(AUDIENCE.get(section_id, ""))
    if rules is not None:  # the check's feedback (the rules themselves are reading text)
        texts += [check.feedback for check in rules.checks]
    texts += [topic.facilitator_notes for topic in content.topics_for(section_id)]
    section = content.section(section_id)
    texts.append(section.facilitator_notes if section else None)
    # whole texts, less any the page's reading text says too (feedback may repeat a key
    # message, or a rule)
    reading = [t.body for t in content.topics_for(section_id)]
    reading += [r.text for r in rules.rules] if rules is not None else []
    said = " ".join(plain(to_html(t)) for t in reading)
    whole = [plain(to_html(t)) for t in texts if t]
    return [t for t in whole if len(t) >= 30 and t not in said]


AUDIENCE = {"children": "children", "adults": "adults"}


def reading_text(content: Content, section_id: str) -> list[str]:
    """Fixed text of the page's parts, besides its topics, that must be its own HTML (issue 26):
    quiz titles, the lawful bases and the scenarios' heading, the rule cards and the check's
    title, the decision record's heading, the case studies' warning."""
    texts = [f'class="is-quiz-title">{html.escape(q.title)}</h2>'
             for q in content.quizzes_for(section_id)]
    if section_id == "what-is-it":
        bases, scenarios = content.lawful_bases, content.scenarios
        texts.append(f"<h2>{html.escape(bases.title)}</h2>")  # type: ignore[union-attr]
        texts += [f'class="is-lb-name">{html.escape(b.name)}</h3>'
                  for b in bases.bases]  # type: ignore[union-attr]
        texts.append(f"<h2>{html.escape(scenarios.title)}</h2>")  # type: ignore[union-attr]
    rules = content.golden_rules_for(AUDIENCE.get(section_id, ""))
    if rules is not None:
        texts += [f'id="is-rule-{rules.audience}-{r.number}"' for r in rules.rules]
        texts += [html.escape(content.text("golden_rules", "check_title"))]
    if section_id == "tips":
        texts.append(f"<h2>{html.escape(content.decision_record.title)}</h2>")  # type: ignore
    if section_id == "case-studies":
        texts.append(html.escape(content.text("case_study", "practice_only")))
    return texts


@pytest.mark.parametrize("section", [s.id for s in CONTENT.sections])
def test_the_page_sent_holds_its_reading_text_and_nothing_revealed_later(
        app_server: AppServer, section: str) -> None:
    page = fetch(app_server.section_url(section))
    own = page_html(page)
    title = CONTENT.section(section).title  # type: ignore[union-attr]
    assert f'<h1 class="is-page-title">{html.escape(title)}</h1>' in own
    first = CONTENT.topics_for(section)[0]
    assert f'id="is-topic-{first.id}"' in own
    assert plain(to_html(first.body))[:80] in plain(own), "the first topic's text is HTML"
    for landmark in ('<header class="is-banner">', '<main id="is-main"', "<footer",
                     'class="is-skip-link" href="#is-main"', '<nav class="is-nav is-nav-top"'):
        assert landmark in own, landmark
    missing = [t for t in reading_text(CONTENT, section)  # (an entity may be spelt otherwise)
               if html.unescape(t) not in html.unescape(own)]
    assert missing == [], f"reading text not in the page's own HTML: {missing[:3]}"
    text = plain(page)  # the whole response, scripts included
    hidden = [t for t in revealed_later(CONTENT, section) if t in text]
    assert hidden == [], f"revealed-later text in the page sent: {hidden[:3]}"
    assert "object at 0x" not in page and "VBox(" not in page  # no Python repr of a widget


def test_a_facilitator_page_is_read_for_its_visit(app_server: AppServer) -> None:
    """The mode is read per visit: the same pool's page, with ``?mode=facilitator``, has the
    section's notes in its HTML; the learner's has none."""
    notes = plain(to_html(CONTENT.section("what-is-it").facilitator_notes))[:60]  # type: ignore
    assert notes not in plain(fetch(app_server.section_url("what-is-it")))
    facilitator = fetch(app_server.section_url("what-is-it", "mode=facilitator"))
    assert notes in plain(page_html(facilitator))


@contextmanager
def topic_edited(server: AppServer, line: str) -> Iterator[None]:
    """The first topic of the server's own content copy (tests/app/conftest.py) starts with
    ``line`` while the block runs: each visit reads the content afresh (its files' size and
    mtime), so the next page shows it, and the page after the block is as shipped again."""
    topic = Path(server.content.root) / "topics" / "what-is-it.yaml"
    text = topic.read_text(encoding="utf-8")
    assert Path(server.content.root) != default_content_dir(), "never edit the shipped content"
    topic.write_text(text.replace("body: |-\n", f"body: |-\n  {line}\n\n", 1), encoding="utf-8")
    try:
        yield
    finally:
        topic.write_text(text, encoding="utf-8")


def test_hostile_content_is_escaped_in_the_page_sent(app_server: AppServer) -> None:
    with topic_edited(app_server, HOSTILE):
        page = fetch(app_server.section_url("what-is-it"))
    own = page_html(page)
    assert "PWNED-26" in own, "the hostile text is shown, as text"
    assert "&lt;script&gt;alert(" in own
    tags = re.findall(r"<\s*(?:img|script)\b[^>]*>", own, re.I)
    assert tags == [], "no tag from the content survives as markup"
    assert not re.search(r"<[^>]*\b(?:onerror\s*=|href=\"javascript:)", page, re.I)
    assert not re.search(r"<script(?![^>]*\bnonce=)", page), "every script is the page's own"


def test_an_edited_topic_shows_on_the_next_load(app_server: AppServer) -> None:
    """The pooled kernel started before the edit; it reads the content after its visit."""
    before = fetch(app_server.section_url("what-is-it"))
    assert "Edited after the pool was filled" not in before
    with topic_edited(app_server, "Edited after the pool was filled."):
        edited = fetch(app_server.section_url("what-is-it"))
    assert "Edited after the pool was filled." in page_html(edited)
    assert "Edited after the pool was filled" not in fetch(app_server.section_url("what-is-it"))


# --- in the browser: no kernel -------------------------------------------------------------------


def no_kernel(page: object, lost: bool) -> None:
    """The kernel's websocket never reaches the server (closed at once when ``lost``); the
    liveness check then says the kernel is gone (410), as for a page whose kernel ended."""
    def socket(ws: object) -> None:
        if lost:
            ws.close()  # type: ignore[attr-defined]

    page.route_web_socket(re.compile(r"/api/kernels/"), socket)  # type: ignore[attr-defined]
    page.route("**/api/kernels/**", lambda route: route.abort())  # type: ignore[attr-defined]
    if lost:
        page.route("**/infoshare/alive/**",  # type: ignore[attr-defined]
                   lambda route: route.fulfill(status=410))


@pytest.mark.parametrize("lost", [False, True], ids=["never-connects", "lost"])
def test_the_page_reads_without_its_kernel(app_server: AppServer, context: object,
                                           lost: bool) -> None:
    page = context.new_page()  # type: ignore[attr-defined]
    no_kernel(page, lost)
    page.goto(app_server.section_url("what-is-it"), wait_until="load")
    first = CONTENT.topics_for("what-is-it")[1]
    assert page.locator(f"#is-topic-{first.id}").is_visible()
    assert page.locator("h1").inner_text() == CONTENT.section("what-is-it").title  # type: ignore
    for role in ("banner", "main", "contentinfo", "navigation"):
        assert page.get_by_role(role).first.is_visible(), role  # type: ignore[attr-defined]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "is-skip-link"
    if lost:
        page.locator(".is-lost .is-reload").wait_for(timeout=30_000)
    assert page.locator(".is-module").count() == 0  # no widget was drawn
    # "More on <basis>" opens without a kernel: a native <details> in the page's own HTML
    more = page.locator(".is-lawful-bases details").first
    more.locator("summary").click()
    assert more.evaluate("d => d.open") and more.locator(".is-details-text").is_visible()
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
