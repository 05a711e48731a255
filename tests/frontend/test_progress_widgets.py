"""Progress on its own: ui/progress.js (this browser's stored progress), ui/task_list.js (the top
of Start: the way in and each section's status) and ui/progress_panel.js ("Clear my answers" and
the completion record)."""

from __future__ import annotations

from _shipped import shipped_content

from infoshare_widgets.content.templates import fill
from infoshare_widgets.pages.progress_tracking import record_info
from infoshare_widgets.ui.progress_panel import ProgressPanel, panel_words
from infoshare_widgets.ui.progress_store import ProgressStore
from infoshare_widgets.ui.task_list import TaskList, path_words

CONTENT = shipped_content()
IMG = "<img src=x onerror=alert(1)>"
KEY = "infoshare-progress:http://widgets.test/:c1"  # the base URL from jupyter-config-data


def test_progress_is_loaded_kept_and_cleared_in_this_browser(widget_page) -> None:
    store = ProgressStore(content_id="c1", off_text="Progress is not kept in this browser.")
    widget_page.mount(store)
    assert widget_page.sent == [{"event": "load", "available": True, "data": {}}]
    widget_page.from_kernel(message={"op": "reveal", "key": "jessie-1"})
    widget_page.from_kernel(message={"op": "answer", "key": "q1", "value": {"chosen": [1]}})
    stored = widget_page.page.evaluate(f"JSON.parse(localStorage.getItem({KEY!r}))")
    assert stored["v"] == 1 and stored["revealed"] == ["jessie-1"]
    assert stored["answers"] == {"q1": {"chosen": [1]}}
    assert widget_page.page.get_by_text("Progress is not kept").is_hidden()
    widget_page.roundtrip(store)  # the kernel reads it back
    assert store.available is True
    widget_page.from_kernel(message={"op": "clear"})
    assert widget_page.page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert widget_page.sent[-1] == {"event": "load", "available": True, "data": {}}


def test_a_browser_that_keeps_nothing_says_so(widget_page) -> None:
    widget_page.page.evaluate("""() => Object.defineProperty(window, "localStorage",
        { get() { throw new DOMException("denied", "SecurityError"); } })""")
    host = widget_page.mount(ProgressStore(content_id="c1", off_text="Progress is not kept."))
    assert widget_page.sent == [{"event": "load", "available": False, "data": {}}]
    assert host.get_by_text("Progress is not kept.").is_visible()


SECTIONS = [
    {"id": "children", "title": "Children", "url": "02-children.ipynb", "hint": "Rules",
     "status": "in_progress", "status_text": "In progress",
     "detail": "2 of 4 questions answered, 1 correct", "cases": []},
    {"id": "tips", "title": "Tips", "url": "04-tips.ipynb", "hint": "", "status": "completed",
     "status_text": "Completed", "detail": "1 of 3 correct", "cases": []},
    {"id": "adults", "title": "Adults", "url": "03-adults.ipynb", "hint": "Care Act",
     "status": "not_started", "status_text": "Not started", "detail": "", "cases": []}]


def panel() -> ProgressPanel:
    widget = ProgressPanel(words=panel_words(CONTENT), record_info=record_info(CONTENT))
    widget.state = "ready"
    widget.sections = SECTIONS
    return widget


def test_the_task_list_gives_one_way_in_and_each_sections_status_in_words(widget_page) -> None:
    words = path_words(CONTENT)
    widget = TaskList(words=words, sections=SECTIONS)
    host = widget_page.mount(widget)
    # Loading: the links are there, the way in and the statuses are not yet.
    assert host.get_by_role("link", name="Children").get_attribute("href") == "02-children.ipynb"
    assert host.locator(".is-start-button").is_hidden()
    assert host.locator(".is-task-status").count() == 0
    widget_page.from_kernel({"state": "ready", "way_in": {
        "kind": "continue", "url": "02-children.ipynb", "title": "Children"}})
    way = host.get_by_role("link", name=fill(words["continue"], title="Children"))
    assert way.get_attribute("href") == "02-children.ipynb"
    # Each link is described by its hint and its status, in words: never a colour or a tick.
    link = host.get_by_role("link", name="Children", exact=True)
    described = [widget_page.page.locator(f"#{i}").text_content()
                 for i in link.get_attribute("aria-describedby").split()]
    assert described == ["Rules", "In progress: 2 of 4 questions answered, 1 correct"]
    statuses = host.locator(".is-task-status").all_text_contents()
    assert statuses == ["In progress: 2 of 4 questions answered, 1 correct",
                        "Completed: 1 of 3 correct", "Not started"]
    assert "✓" not in host.inner_text()
    assert host.locator("ul > li").count() == 3
    assert host.locator(".is-path-summary").inner_text() == fill(words["summary"], completed=1,
                                                                 total=3)
    # A first visit: "Start the course", to the first section; nothing kept: the same.
    widget_page.from_kernel({"way_in": {"kind": "start", "url": "02-children.ipynb",
                                        "title": "Children"}})
    assert host.locator(".is-start-button").inner_text() == words["start_course"]
    widget_page.from_kernel({"state": "off", "way_in": {}})
    assert host.locator(".is-start-button").inner_text() == words["start_course"]
    assert host.get_by_text(words["not_kept"]).is_visible()
    assert host.locator(".is-task-status").count() == 0
    assert widget_page.sent == [] and widget_page.calls == []


def test_the_panel_clears_only_after_confirming_and_its_buttons_are_the_kits(widget_page) -> None:
    widget = panel()
    host = widget_page.mount(widget)
    words = widget.words
    clear = host.get_by_role("button", name=words["clear"], exact=True)
    # The kit's buttons (components.css), not the browser's: at least 44px, bold, a border.
    for button in host.locator("button:visible").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, button.inner_text()
        assert button.evaluate("b => getComputedStyle(b).fontWeight") == "700"
    clear.click()
    confirm = host.get_by_role("group", name=words["clear_confirm"])
    assert confirm.is_visible()
    widget_page.page.keyboard.press("Escape")
    assert confirm.is_hidden() and widget_page.sent == []
    assert widget_page.page.evaluate("document.activeElement.textContent") == words["clear"]
    clear.click()
    confirm.get_by_role("button", name=words["clear_yes"]).click()
    assert widget_page.sent == [{"event": "clear"}]
    assert host.get_by_role("status").filter(has_text=words["cleared"]).count() == 1


def test_the_record_carries_the_typed_name_only_in_the_page_and_the_file(widget_page) -> None:
    widget = panel()
    host = widget_page.mount(widget)
    words = widget.words
    show = host.get_by_role("button", name=words["record_show"])
    assert show.get_attribute("aria-expanded") == "false"
    show.click()
    assert host.get_by_role("button", name=words["record_hide"]).get_attribute(
        "aria-expanded") == "true"
    host.get_by_role("textbox", name=words["name_label"]).fill(f"Sam {IMG}")
    assert host.locator("img").count() == 0
    assert host.locator(".is-record-doc-name").inner_text() == f"Sam {IMG}"
    # Completed only when every question was answered, and always with the score beside it.
    lists = host.locator(".is-record-doc-list").all_inner_texts()
    assert lists[:2] == ["Tips: 1 of 3 correct",
                         "Children: 2 of 4 questions answered, 1 correct"]
    with widget_page.page.expect_download() as done:
        host.get_by_role("button", name=words["download"]).click()
    with open(done.value.path(), encoding="utf-8") as saved:
        html = saved.read()
    assert "Sam &lt;img" in html and widget.record_css[:40] in html  # standalone, styled
    # The page says, in a polite live region, what file was saved.
    name = done.value.suggested_filename
    assert name.startswith("completion-record-") and name.endswith(".html")
    said = host.get_by_role("status").filter(has_text=fill(words["saved"], filename=name))
    said.wait_for()
    assert said.get_attribute("aria-live") == "polite"
    # The page links the record's stylesheet too (the loader's third sheet), once.
    assert widget_page.page.locator('link[id="infoshare:ui/record.css"]').count() == 1
    widget_page.kept_nothing()
