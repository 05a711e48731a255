"""The page builders and the notebooks, no browser: navigation, topics, modes, error cards."""

from __future__ import annotations

import ast
import io
import json
import logging
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest
from _shipped import shipped_content

from infoshare_widgets import pages
from infoshare_widgets.app import page_info
from infoshare_widgets.content import default_content_dir, models
from infoshare_widgets.ui.blocks import Parts, StaticHTML

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SHIPPED = shipped_content()


def html_of(widget: widgets.Widget) -> str:
    """All the HTML a part carries: the page's own HTML and HTML widgets (anywidgets carry
    data, not HTML)."""
    out = [widget.value] if isinstance(widget, (widgets.HTML, StaticHTML)) else []
    for child in getattr(widget, "children", ()):
        out.append(html_of(child))
    return "\n".join(out)


def run_notebook(path: Path) -> list[widgets.Widget]:
    """Run a notebook's code cells as the kernel would; the widget each cell ends with."""
    namespace: dict[str, object] = {}
    results = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body[-1]
        if isinstance(last, ast.Expr):
            exec(compile(ast.Module(tree.body[:-1], []), path.name, "exec"), namespace)  # noqa: S102
            results.append(eval(compile(ast.Expression(last.value), path.name, "eval"), namespace))
        else:
            exec(compile(tree, path.name, "exec"), namespace)  # noqa: S102
    return results


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(default_content_dir(), target)
    return target


# --- the notebooks -------------------------------------------------------------------------------


def test_there_is_one_thin_notebook_per_section_without_outputs() -> None:
    expected = {f"{s.notebook}.ipynb" for s in SHIPPED.sections}
    assert len(expected) == 6
    assert {p.name for p in NOTEBOOKS.glob("*.ipynb")} == expected
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code, path.name
        for cell in code:
            assert cell.outputs == [] and cell.execution_count is None, path.name
            assert len(cell.source.splitlines()) <= 4, f"{path.name}: a cell is not thin"
            assert "display(" not in cell.source and "Output(" not in cell.source
        markdown = [c for c in nb.cells if c.cell_type == "markdown"]
        assert all(len(c.source) < 300 for c in markdown), f"{path.name}: training text?"


@pytest.mark.parametrize("section", SHIPPED.sections, ids=lambda s: s.id)
def test_each_notebook_shows_every_topic_of_its_section_exactly_once(
        section: models.Section) -> None:
    shown = html_of(Parts(run_notebook(NOTEBOOKS / f"{section.notebook}.ipynb")))
    assert f">{pages.escape(section.title)}</h1>" in shown
    for topic in SHIPPED.topics_for(section.id):
        assert shown.count(f'id="is-topic-{topic.id}"') == 1, topic.id
    assert "is-error-card" not in shown


# --- the visit: mode and content are read after it -------------------------------------------


def test_mode_is_learner_unless_the_query_names_a_known_mode() -> None:
    assert pages.read_mode(None) == "learner"
    assert pages.read_mode("") == "learner"
    assert pages.read_mode("mode=facilitator") == "facilitator"
    assert pages.read_mode("x=1&mode=facilitator") == "facilitator"
    assert pages.read_mode("mode=admin") == "learner"
    assert pages.read_mode("mode=<script>") == "learner"


def test_outside_a_preheated_kernel_the_visit_is_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "mode=facilitator")
    assert pages.wait_for_visit() == "mode=facilitator"
    assert pages.open_page("start").mode == "facilitator"


@pytest.fixture
def query_server() -> Iterator[tuple[int, list[str]]]:
    """A stand-in for Voila's `voila/query/<kernel id>` websocket, as a preheated kernel sees it."""
    from websockets.sync.server import serve

    paths: list[str] = []

    def handler(socket) -> None:  # type: ignore[no-untyped-def]
        paths.append(socket.request.path)
        socket.send(json.dumps({"QUERY_STRING": "mode=facilitator", "SCRIPT_NAME": "/x"}))

    with serve(handler, "127.0.0.1", 0) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield server.socket.getsockname()[1], paths
        server.shutdown()


def test_a_preheated_kernel_waits_for_the_visit_and_gets_its_query(
        monkeypatch: pytest.MonkeyPatch, query_server: tuple[int, list[str]]) -> None:
    port, paths = query_server
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", str(port))
    monkeypatch.setenv("VOILA_KERNEL_ID", "k-1")
    monkeypatch.setenv("VOILA_SERVER_URL", "/")
    monkeypatch.setenv("QUERY_STRING", "")
    page = pages.open_page("start")
    assert paths == ["/voila/query/k-1"]
    assert page.mode == "facilitator"
    assert os.environ["QUERY_STRING"] == "mode=facilitator"


def test_a_lost_visit_gives_the_learner_page_and_a_log(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_APP_PORT", "1")  # nothing listens there
    monkeypatch.setenv("VOILA_KERNEL_ID", "k-1")
    monkeypatch.setenv("QUERY_STRING", "")
    with caplog.at_level(logging.ERROR, logger="infoshare_widgets"):
        assert pages.wait_for_visit() == ""
    assert "could not receive the visit" in caplog.text


def test_content_changed_since_the_kernel_started_is_shown(content_copy: Path) -> None:
    before = pages.open_page("start", content_copy).topics()
    topic = content_copy / "topics" / "how-to-use.yaml"
    topic.write_text(topic.read_text(encoding="utf-8").replace(
        "title: How to use this resource", "title: Using this resource today"), encoding="utf-8")
    after = pages.open_page("start", content_copy).topics()
    assert "How to use this resource" in html_of(before)
    assert "Using this resource today" in html_of(after)


def test_unchanged_content_is_not_read_again(content_copy: Path) -> None:
    first = page_info.current_content(content_copy)
    assert page_info.current_content(content_copy) is first


# --- navigation ----------------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(len(SHIPPED.sections)))
def test_header_and_footer_link_home_previous_and_next_in_section_order(index: int) -> None:
    sections = SHIPPED.sections
    page = pages.Page(sections[index].id, SHIPPED)
    header, footer = html_of(page.header()), html_of(page.footer())
    for html in (header, footer):
        assert f'href="{sections[0].notebook}.ipynb"' in html
        assert ">Home</a>" in html
        if index > 0:
            assert f'rel="prev" href="{sections[index - 1].notebook}.ipynb"' in html
        else:
            assert 'rel="prev"' not in html
        if index + 1 < len(sections):
            assert f'rel="next" href="{sections[index + 1].notebook}.ipynb"' in html
        else:
            assert 'rel="next"' not in html
    assert "<h1" in header and pages.escape(sections[index].title) in header
    assert "<h1" not in footer
    labels = {html.split('aria-label="')[1].split('"')[0] for html in (header, footer)}
    assert len(labels) == 2  # two navigation landmarks, told apart


def test_links_keep_the_facilitator_mode() -> None:
    page = pages.Page("children", SHIPPED, mode="facilitator")
    # A facilitator's header: Present (issue 24), "On this page" (issue 14), notes and timer.
    title, present, contents, notes, timer = page.header().children
    assert 'href="03-adults.ipynb?mode=facilitator"' in title.value
    assert 'href="../../present?section=children"' in present.value
    assert type(contents).__name__ == "OnThisPage"
    assert SHIPPED.text("facilitator", "notes_label") in notes.value
    assert type(timer).__name__ == "DiscussionTimer"
    learner = pages.Page("children", SHIPPED).header()
    assert "is-facilitator-notes" not in html_of(learner)  # the title and contents, no notes
    # the title is the page's own HTML, readable before any widget is drawn (issue 26)
    assert [type(w).__name__ for w in learner.children] == ["StaticHTML", "OnThisPage"]
    assert learner.children[1].label == SHIPPED.text("app", "on_this_page")


def test_start_page_maps_every_other_section_with_its_summary() -> None:
    # A facilitator's map (nothing kept); a learner's is the task list (tests/components/
    # test_progress.py): every other section, its link and its summary, in both.
    html = pages.Page("start", SHIPPED, "facilitator").section_map().value
    path = pages.Page("start", SHIPPED).section_map().children[0].sections
    assert [(s["title"], s["url"], s["hint"]) for s in path] == [
        (s.title, f"{s.notebook}.ipynb", s.summary) for s in SHIPPED.sections[1:]]
    for section in SHIPPED.sections[1:]:
        assert f'href="{section.notebook}.ipynb?mode=facilitator">' \
               f'{pages.escape(section.title)}</a>' in html
        assert pages.escape(section.summary) in html
    assert f'href="{SHIPPED.sections[0].notebook}.ipynb' not in html


def test_start_page_says_how_to_use_it_and_where_progress_will_show() -> None:
    ids = [t.id for t in SHIPPED.topics_for("start")]
    assert {"how-to-use", "progress"} <= set(ids)


# --- topics --------------------------------------------------------------------------------------


def topic(**fields: object) -> models.Topic:
    base = {"id": "t", "section": "start", "order": 1, "title": "A <b>title</b>",
            "body": "Some *text* <img src=x onerror=alert(1)>", "source": "Guide <2024>"}
    return models.Topic.model_validate({**base, **fields})


def test_a_topic_shows_title_text_and_source_and_nothing_runs() -> None:
    html = pages.Page("start", SHIPPED).topic_html(topic())
    assert "<h2 id=\"is-topic-t\">A &lt;b&gt;title&lt;/b&gt;</h2>" in html
    assert "<em>text</em>" in html
    assert "<img" not in html and "&lt;img" in html
    assert f"{SHIPPED.text('app', 'source_label')} Guide &lt;2024&gt;" in html


def test_update_topics_are_clearly_marked() -> None:
    page = pages.Page("start", SHIPPED)
    assert SHIPPED.text("app", "update_label") in page.topic_html(topic(style="update"))
    assert SHIPPED.text("app", "update_label") not in page.topic_html(topic())


def test_quotes_and_lists_and_links() -> None:
    page = pages.Page("start", SHIPPED)
    assert "<blockquote>" in page.topic_html(topic(style="quote"))
    assert "<ol" in page.topic_html(topic(items=["a", "b"], numbered=True))
    html = page.topic_html(topic(links=[
        {"title": "Guide", "publisher": "ICO", "url": "https://ico.org.uk/x"},
        {"title": "No address"}]))
    assert '<a href="https://ico.org.uk/x" target="_blank" rel="noopener noreferrer">' in html
    assert SHIPPED.text("app", "new_tab") in html
    assert "<li>No address</li>" in html


def test_facilitator_notes_only_in_facilitator_mode() -> None:
    with_notes = topic(facilitator_notes="Ask the group first.")
    assert "Ask the group first." not in pages.Page("start", SHIPPED).topic_html(with_notes)
    assert "Ask the group first." in pages.Page("start", SHIPPED, "facilitator").topic_html(
        with_notes)


def test_topics_split_after_a_named_topic_lose_nothing() -> None:
    page = pages.Page("children", SHIPPED)
    ids = [t.id for t in SHIPPED.topics_for("children")]
    whole = html_of(page.topics())
    first = html_of(page.topics(through=ids[1]))
    rest = html_of(page.topics(after=ids[1]))
    for n, topic_id in enumerate(ids):
        anchor = f'id="is-topic-{topic_id}"'
        assert whole.count(anchor) == (first + rest).count(anchor) == 1
        assert anchor in (first if n <= 1 else rest)


def test_a_split_at_a_topic_the_section_lacks_shows_every_topic_once(
        caplog: pytest.LogCaptureFixture) -> None:
    page = pages.Page("children", SHIPPED)
    with caplog.at_level(logging.WARNING, logger="infoshare_widgets"):
        first = html_of(page.topics(through="renamed-topic"))
        rest = html_of(page.topics(after="renamed-topic"))
    for topic in SHIPPED.topics_for("children"):
        assert first.count(f'id="is-topic-{topic.id}"') == 1
    assert rest == "" and "is-error-card" not in first
    assert "renamed-topic" in caplog.text


def test_notebooks_split_topics_by_naming_a_topic_of_their_own_section() -> None:
    """Notebooks name what they place (no ``order:`` numbers), and the name exists."""
    for section in SHIPPED.sections:
        source = nbformat.read(NOTEBOOKS / f"{section.notebook}.ipynb", as_version=4)
        calls = [c.source for c in source.cells if "page.topics(" in c.source]
        assert all("until=" not in c and "since=" not in c for c in calls), section.id
        named = {ast.literal_eval(kw.value) for c in calls
                 for kw in ast.parse(c).body[0].value.keywords}
        assert len(named) <= 1, section.id  # one split: every topic exactly once
        assert named <= {t.id for t in SHIPPED.topics_for(section.id)}, section.id


# --- failures become error cards and server logs -------------------------------------------------


def test_a_failing_builder_shows_an_error_card_and_logs_the_traceback(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import infoshare_widgets.golden_rules as golden_rules

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(golden_rules, "golden_rules_widget", broken)
    with caplog.at_level(logging.ERROR, logger="infoshare_widgets"):
        card = pages.Page("children", SHIPPED).golden_rules()
    assert "is-error-card" in card.value
    assert SHIPPED.text("app", "error_title") in card.value
    assert "boom" not in card.value and "Traceback" not in card.value
    record = next(r for r in caplog.records if "golden rules" in r.getMessage())
    assert record.exc_info is not None and "boom" in str(record.exc_info[1])


def test_an_unknown_section_gives_an_error_card_not_an_exception() -> None:
    page = pages.Page("no-such-section", SHIPPED)
    assert "is-error-card" in html_of(page.header())
    page.footer()  # no exception


def test_a_broken_topic_file_shows_a_card_on_its_own_page(content_copy: Path) -> None:
    (content_copy / "topics" / "broken.yaml").write_text(
        "id: broken\nsection: start\norder: 5\ntitel: Typo\nbody: Text\nsource: Me\n",
        encoding="utf-8")
    start = html_of(pages.open_page("start", content_copy).topics(through="how-to-use"))
    children = html_of(pages.open_page("children", content_copy).topics())
    assert "topics/broken.yaml" in start and "is-error-card" in start
    assert "topics/broken.yaml" not in children


def test_a_broken_quiz_file_shows_a_card_on_its_own_page(content_copy: Path) -> None:
    (content_copy / "quizzes" / "broken.yaml").write_text(
        "id: broken\ntitle: Broken\nsection: children\nquestions: []\n", encoding="utf-8")
    children = html_of(pages.open_page("children", content_copy).quizzes())
    adults = html_of(pages.open_page("adults", content_copy).quizzes())
    assert "quizzes/broken.yaml" in children
    assert "quizzes/broken.yaml" not in adults


def test_a_missing_content_folder_still_gives_a_page(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = pages.open_page("start", tmp_path / "nowhere")
    with caplog.at_level(logging.ERROR, logger="infoshare_widgets"):
        assert "is-error-card" in html_of(page.header())
        assert "is-error-card" in html_of(page.section_map())  # no sections to map
        assert page.topics().children == () and page.quizzes().children == ()
        assert "<a " not in html_of(page.footer())
    # Each builder handled the missing folder itself: none needed the last-resort guard.
    assert not [r for r in caplog.records if r.exc_info]


def test_logs_in_a_kernel_go_to_the_servers_terminal_not_the_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    read_fd, write_fd = os.pipe()

    class KernelStderr(io.StringIO):
        _original_stdstream_copy = write_fd

    monkeypatch.setattr(sys, "stderr", KernelStderr())
    package = logging.getLogger("infoshare_widgets")
    saved = (list(package.handlers), package.propagate, package.level)
    try:
        pages.configure_logging()
        logging.getLogger("infoshare_widgets.pages").error("could not show X")
        assert sys.stderr.getvalue() == ""  # nothing reaches the cell's output
        os.close(write_fd)
        assert "could not show X" in os.read(read_fd, 10_000).decode()
    finally:
        for handler in package.handlers[len(saved[0]):]:
            package.removeHandler(handler)
            handler.close()
        package.propagate, package.level = saved[1], saved[2]
        package.__dict__.pop("_infoshare_configured", None)
        os.close(read_fd)


@pytest.mark.parametrize(("section", "topic"), [("what-is-it", "what-is-it"),
                                                ("case-studies", "case-studies-intro")])
def test_a_topic_named_like_its_page_repeats_no_heading(section: str, topic: str) -> None:
    """Issue 14: the h1 says it already; the topic keeps its anchor on the section."""
    html = html_of(pages.Page(section, SHIPPED).topics())
    title = SHIPPED.section(section).title
    assert f">{pages.escape(title)}</h2>" not in html
    assert '<section class="is-topic is-topic-' in html and f'id="is-topic-{topic}"' in html
    other = next(t for t in SHIPPED.topics_for("children"))
    assert f'<h2 id="is-topic-{other.id}">' in html_of(pages.Page("children", SHIPPED).topics())


def test_a_facilitators_card_says_what_is_wrong_and_a_learners_does_not(
        content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (content_copy / "topics" / "broken.yaml").write_text(
        "id: broken\nsection: start\norder: 5\ntitel: Typo\nbody: Text\nsource: Me\n",
        encoding="utf-8")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "mode=facilitator")
    trainer = html_of(pages.open_page("start", content_copy).topics(through="how-to-use"))
    monkeypatch.setenv("QUERY_STRING", "")
    learner = html_of(pages.open_page("start", content_copy).topics(through="how-to-use"))
    assert "topics/broken.yaml:4: titel: unknown field" in trainer
    assert "titel" not in learner and "topics/broken.yaml" in learner


def test_a_published_item_is_on_the_next_page_load(
        content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    overlay = tmp_path / "published"
    monkeypatch.setenv("INFOSHARE_OVERLAY", str(overlay))
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "")
    before = html_of(pages.open_page("children", content_copy).quizzes())
    shipped = (content_copy / "quizzes" / "children-guidance.yaml").read_text(encoding="utf-8")
    title = next(line for line in shipped.splitlines() if line.startswith("title:"))
    (overlay / "quizzes").mkdir(parents=True)
    (overlay / "quizzes" / "children-guidance.yaml").write_text(
        shipped.replace(title, "title: Published this morning"), encoding="utf-8")
    after = html_of(pages.open_page("children", content_copy).quizzes())
    assert "Published this morning" not in before and "Published this morning" in after


def static_parts(part: object) -> list[StaticHTML]:
    """The page's own HTML inside a part (ui.blocks), in order."""
    if isinstance(part, StaticHTML):
        return [part]
    return [s for child in getattr(part, "children", ()) for s in static_parts(child)]


@pytest.mark.parametrize("mode", ["learner", "facilitator", "author"])
def test_the_pages_own_html_passes_the_served_pages_sanitiser_unchanged(mode: str) -> None:
    """What the template writes into the page (content.markdown.clean_page_html) is what the
    builders made: no heading, landmark, label or link is lost on the way (issue 26)."""
    from html import unescape

    from infoshare_widgets.content.markdown import clean_page_html

    found = 0
    for section in SHIPPED.sections:
        page = pages.Page(section.id, SHIPPED, mode)
        for part in (page.header(), page.section_map(), page.topics(), page.group_session(),
                     page.facilitator_guide(), page.case_studies(), page.lawful_bases(),
                     page.golden_rules(), page.quizzes(), page.decision_record(),
                     page.footer()):
            for block in static_parts(part):
                found += 1
                # the same markup (nh3 may spell an entity its own way: &#x27; or ')
                assert unescape(clean_page_html(block.value)) == unescape(block.value), \
                    block.value[:200]
    assert found > 40
