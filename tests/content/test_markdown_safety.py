"""HTML and script in authored content come out inert; ordinary Markdown still works.

The checks parse the output and look at what a browser would act on (tags, attributes, link
targets), so escaped text that merely mentions `<script>` is fine and a live tag is not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from infoshare_widgets.content import markdown
from infoshare_widgets.content.markdown import escape, to_html, to_inline_html

# Decided here, not read from the module under test, so loosening the sanitiser fails a test.
SAFE_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre",
             "h3", "h4", "h5", "h6", "hr"}
SAFE_ATTRIBUTES = {"href", "title", "rel", "start", "target"}
SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)

ATTACKS = {
    "script": "<script>alert(1)</script>",
    "script-in-text": "Read this <script src='https://evil.example/x.js'></script> now",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "svg-onload": "<svg onload=alert(1)><circle r=1 /></svg>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "onclick": '<p onclick="alert(1)">Click me</p>',
    "style": "<style>body { display: none }</style>",
    "form": '<form action="https://evil.example"><input name=q></form>',
    "html-javascript-link": '<a href="javascript:alert(1)">Open</a>',
    "md-javascript-link": "[Open the guidance](javascript:alert(1))",
    "md-javascript-mixed-case": "[Open](JaVaScRiPt:alert(document.cookie))",
    "md-javascript-entity": "[Open](javascript&#58;alert(1))",
    "md-data-link": "[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "md-vbscript-link": "[Open](vbscript:msgbox(1))",
    "md-javascript-reference": "[Open][x]\n\n[x]: javascript:alert(1)",
    "md-image-javascript": "![logo](javascript:alert(1))",
    "md-image-onerror": '![x](https://example.org/x.png "x\\" onerror=\\"alert(1)")',
    "autolink-javascript": "<javascript:alert(1)>",
    "attribute-breakout": '[a](https://example.org "t" onmouseover="alert(1)")',
    "meta-refresh": '<meta http-equiv="refresh" content="0; url=https://evil.example">',
    "inside-list": "- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))",
}


class _Tags(HTMLParser):
    """Collect every tag and attribute a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def live_markup(html: str) -> list[str]:
    """Everything in `html` that could run code or load something: empty when inert."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    found = []
    for tag, attrs in parser.tags:
        if tag not in SAFE_TAGS:
            found.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in SAFE_ATTRIBUTES or name.startswith("on"):
                found.append(f"attribute {name} on <{tag}>")
            if name == "href" and not SAFE_URL.match((value or "").strip()):
                found.append(f"link to {value!r}")
    return found


def test_the_checker_sees_live_markup() -> None:
    """The check itself must catch what it looks for, or every test below passes on nothing."""
    assert live_markup('<img src=x onerror="alert(1)">') == [
        "tag <img>", "attribute src on <img>", "attribute onerror on <img>"]
    assert live_markup('<a href="javascript:alert(1)">x</a>') == ["link to 'javascript:alert(1)'"]
    assert live_markup('<p onclick="x()">y</p>') == ["attribute onclick on <p>"]
    assert live_markup("<script>alert(1)</script>") == ["tag <script>"]


@pytest.mark.parametrize("name", list(ATTACKS))
def test_html_and_script_come_out_inert(name: str) -> None:
    source = ATTACKS[name]
    for render in (to_html, to_inline_html):
        out = render(source)
        assert live_markup(out) == [], (name, out)
        assert "<script" not in out.lower()
        assert "javascript:" not in _attribute_values(out).lower()


@pytest.mark.parametrize("name", list(ATTACKS))
def test_the_sanitiser_holds_even_if_markdown_let_html_through(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: with raw HTML switched on in the renderer, nh3 still removes it."""
    monkeypatch.setattr(markdown, "_md", MarkdownIt("commonmark", {"html": True}))
    assert "<script" in markdown._md.render("<script>x</script>")  # the renderer is now unsafe
    out = to_html(ATTACKS[name])
    assert live_markup(out) == [], (name, out)


def _attribute_values(html: str) -> str:
    parser = _Tags()
    parser.feed(html)
    return " ".join(value or "" for _, attrs in parser.tags for _, value in attrs)


def test_escaped_html_is_shown_as_text() -> None:
    out = to_html("Never write <script> in a file.")
    assert "&lt;script&gt;" in out
    assert live_markup(out) == []


def test_ordinary_markdown_survives() -> None:
    out = to_html(
        "Share *early* and **safely**.\n\n"
        "- Seek advice\n- Record your decision\n\n"
        "1. First\n2. Second\n\n"
        "> A quotation\n\n"
        "Read [Working Together 2023](https://www.gov.uk/government/publications/"
        "working-together-to-safeguard-children--2) or write to [us](mailto:team@example.org).\n\n"
        "### A small heading\n\nUse `code` if you must.")
    assert "<em>early</em>" in out
    assert "<strong>safely</strong>" in out
    assert "<ul>\n<li>Seek advice</li>\n<li>Record your decision</li>\n</ul>" in out
    assert "<ol>\n<li>First</li>\n<li>Second</li>\n</ol>" in out
    assert "<blockquote>" in out
    assert ('<a href="https://www.gov.uk/government/publications/working-together-to-safeguard-'
            'children--2" target="_blank" rel="noopener noreferrer">Working Together 2023</a>'
            ) in out
    assert ('<a href="mailto:team@example.org" target="_blank" rel="noopener noreferrer">us</a>'
            ) in out
    assert "<h3>A small heading</h3>" in out
    assert "<code>code</code>" in out
    assert live_markup(out) == []


def test_inline_html_drops_only_the_paragraph() -> None:
    assert to_inline_html("A *short* label") == "A <em>short</em> label"
    assert to_inline_html("") == ""
    assert to_html(None) == ""


def test_typed_text_is_escaped() -> None:
    typed = "<img src=x onerror=alert(1)> & \"quoted\" 'text'"
    out = escape(typed)
    assert out == "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#x27;text&#x27;"
    assert live_markup(out) == []
    assert escape(None) == ""
