"""The loader each widget carries (infoshare_widgets/frontend.py): the shared stylesheet linked
once per page and before each component's own, every file under the page's base URL."""

from __future__ import annotations

from infoshare_widgets import frontend
from infoshare_widgets.ui.details import DetailsWidget
from infoshare_widgets.ui.download import DownloadButton


def test_components_css_is_linked_once_and_before_each_components_own(widget_page) -> None:
    for widget in (DetailsWidget(summary="a"), DetailsWidget(summary="b"),
                   DownloadButton(label="c")):
        widget_page.mount(widget)
    links = widget_page.page.evaluate(
        "[...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.id)")
    assert links == ["infoshare:ui/components.css", "infoshare:ui/details.css",
                     "infoshare:ui/download.css"]
    # Each file was fetched once: two details widgets, one module.
    prefix = f"{frontend.ROUTE}/{frontend.version()}/"
    fetched = [p for p in widget_page.requested if p.startswith(prefix)]
    assert sorted(fetched) == sorted(set(fetched))
    assert f"{prefix}ui/dom.js" in fetched
    assert widget_page.page.locator("summary").all_inner_texts() == ["a", "b"]


def test_the_files_come_from_under_the_pages_base_url(widget_page) -> None:
    widget_page.page.evaluate("""() => { document.getElementById("jupyter-config-data")
        .textContent = JSON.stringify({ baseUrl: "/infoshare/" }); }""")
    widget_page.page.route("http://widgets.test/infoshare/**", lambda route: route.fulfill(
        status=200, content_type="text/css" if route.request.url.endswith(".css")
        else "text/javascript",
        body=(frontend.PACKAGE_DIR / route.request.url.split(frontend.version() + "/")[1])
        .read_bytes()))
    widget_page.mount(DetailsWidget(summary="here"))
    assert widget_page.page.locator("summary").inner_text() == "here"
    href = widget_page.page.locator('link[id="infoshare:ui/details.css"]').get_attribute("href")
    assert href == f"http://widgets.test/infoshare/{frontend.ROUTE}/{frontend.version()}/" \
        "ui/details.css"


def test_a_drawn_view_is_marked_drawn(widget_page) -> None:
    host = widget_page.mount(DetailsWidget(summary="a"))
    assert host.get_attribute("data-is-drawn") == ""
    assert host.get_attribute("data-is-failed") is None


def test_a_module_that_cannot_be_loaded_says_so_in_words(widget_page) -> None:
    # A page opened before the site was updated asks for files of an older version: 404.
    widget_page.page.route(f"**/{frontend.ROUTE}/*/ui/details.js",
                           lambda route: route.fulfill(status=404, body=""))
    widget_page.page.evaluate(
        "() => { document.body.dataset.isPartFailed = 'Could not load: reload the page.'; }")
    host = widget_page.mount(DetailsWidget(summary="a"))
    assert host.get_attribute("data-is-failed") == ""
    assert host.get_attribute("data-is-drawn") is None
    message = host.get_by_role("alert")
    assert message.inner_text() == "Could not load: reload the page."
    assert widget_page.page.locator("summary").count() == 0


def test_a_module_that_fails_to_draw_says_so_too_without_the_pages_wording(widget_page) -> None:
    widget_page.page.route(f"**/{frontend.ROUTE}/*/ui/download.js", lambda route: route.fulfill(
        status=200, content_type="text/javascript",
        body="export default { render() { throw new Error('broken'); } };"))
    host = widget_page.mount(DownloadButton(label="c"))
    assert host.get_attribute("data-is-failed") == ""
    assert host.get_by_role("alert").inner_text() == frontend.FAILED_TEXT
