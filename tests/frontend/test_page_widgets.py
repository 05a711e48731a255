"""The small page widgets on their own: ui/details.js, ui/contents.js, ui/download.js."""

from __future__ import annotations

from infoshare_widgets.ui.contents import OnThisPage
from infoshare_widgets.ui.details import DetailsWidget
from infoshare_widgets.ui.download import DownloadButton

IMG = "<img src=x onerror=alert(1)>"


def test_details_is_a_native_disclosure_with_a_fixed_summary(widget_page) -> None:
    widget = DetailsWidget(heading=f"More {IMG}", heading_level=3, summary="Why this matters",
                           body_html="<p>Because <strong>the law</strong> says so.</p>")
    host = widget_page.mount(widget)
    assert host.get_by_role("heading", level=3, name=f"More {IMG}").is_visible()
    assert host.locator("img").count() == 0
    summary = host.locator("summary")
    assert summary.inner_text() == "Why this matters"
    body = host.locator(".is-details-text strong")
    assert body.is_hidden()
    summary.focus()
    widget_page.page.keyboard.press("Enter")
    assert body.is_visible() and body.inner_text() == "the law"
    widget_page.page.wait_for_function("window.model.sent.length === 1")
    assert widget_page.sent == [{"event": "toggle", "open": True}]
    assert summary.inner_text() == "Why this matters"  # the label stays; the browser says open
    assert float(widget_page.style("summary", "min-height").removesuffix("px")) >= 44
    widget_page.from_kernel({"heading": ""})
    assert host.get_by_role("heading").count() == 0


# Mutations anywhere in the page over ten animation frames (no clock: the frames themselves).
MUTATIONS_OVER_FRAMES = """async () => {
  let seen = 0;
  const watch = new MutationObserver((records) => { seen += records.length; });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  for (let i = 0; i < 10; i++) await new Promise((done) => requestAnimationFrame(done));
  watch.disconnect();
  return seen;
}"""


def test_on_this_page_lists_a_long_pages_parts_and_jumps_to_them(widget_page) -> None:
    """The list sits inside the page it lists, as in the app, and once built it stays still: a
    rebuild that changed its own title each frame kept a page's renderer busy for as long as it
    was open (about 0.1 CPU-s a second)."""
    page = widget_page.page
    page.evaluate("""() => {
      const cells = document.createElement("div");
      cells.id = "rendered_cells";
      cells.append(document.getElementById("host"));
      for (const name of ["First part", "Second part"]) {
        const h = document.createElement("h2");
        h.textContent = name;
        const filler = document.createElement("div");
        filler.style.height = "1500px";
        cells.append(h, filler);
      }
      document.body.append(cells);
    }""")
    host = widget_page.mount(OnThisPage(label="On this page", min_height=2000))
    nav = host.get_by_role("navigation", name="On this page")
    nav.wait_for()
    links = nav.get_by_role("link")
    assert links.all_inner_texts() == ["First part", "Second part"]
    assert page.evaluate(MUTATIONS_OVER_FRAMES) == 0, "the contents list keeps rebuilding itself"
    links.nth(1).click()
    assert page.evaluate("document.activeElement.textContent") == "Second part"
    assert page.evaluate("location.hash") == "#" + page.evaluate("document.activeElement.id")


def test_a_short_page_has_no_contents(widget_page) -> None:
    host = widget_page.mount(OnThisPage(label="On this page", min_height=2000))
    widget_page.page.wait_for_timeout(200)
    assert host.get_by_role("navigation").count() == 0


def test_download_gives_the_text_as_a_file_and_sends_nothing(widget_page) -> None:
    widget = DownloadButton(label="Download the case", hint="A YAML file", text=f"name: {IMG}\n",
                            filename="case.yaml", mime="text/yaml")
    host = widget_page.mount(widget)
    button = host.get_by_role("button", name="Download the case")
    assert host.get_by_text("A YAML file").get_attribute("id") == \
        button.get_attribute("aria-describedby")
    with widget_page.page.expect_download() as done:
        button.click()
    assert done.value.suggested_filename == "case.yaml"
    with open(done.value.path(), encoding="utf-8") as saved:
        assert saved.read() == f"name: {IMG}\n"
    widget_page.kept_nothing()
