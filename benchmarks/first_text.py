"""First readable text: when a page's first paragraph of body content can be read, and the floor.

The paragraph is found from the content, not from the page's markup: the first paragraph of the
section's first topic that is not a title (a paragraph all in bold, as Start's opening line, is
one), as `to_html` renders it. In the browser, an init script watches the DOM and records the
moment that text is in the page's rendered text (``innerText``: what is laid out and not hidden;
a script's JSON or a hidden cell does not count), whatever element carries it: an ipywidgets
HTML view or a plain output alike.

The floor is a plain static HTML page of the same text (every topic of the section, as the page
shows it), served by a static file server, with no script at all.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from infoshare_widgets.content import Content, to_html

SNIPPET_WORDS = 8
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")
BOLD = re.compile(r"<strong>.*?</strong>", re.S)

# Runs in every document before its own scripts; sets window.__firstText (ms since navigation).
WATCH_JS = """(snippet) => {
  const norm = (s) => s.replace(/\\s+/g, ' ');
  let due = false;
  const check = () => {
    due = false;
    if (window.__firstText !== undefined || !document.body) return;
    if (!document.body.textContent.includes(snippet.split(' ')[0])) return;
    if (norm(document.body.innerText).includes(snippet)) {
      window.__firstText = performance.now();
      observer.disconnect();
      clearInterval(timer);
    }
  };
  const observer = new MutationObserver(() => {
    if (!due) { due = true; requestAnimationFrame(check); }
  });
  observer.observe(document, {childList: true, subtree: true, characterData: true,
                              attributes: true});
  const timer = setInterval(check, 50);
  document.addEventListener('DOMContentLoaded', check);
}"""


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def first_paragraph(content: Content, section_id: str) -> str:
    """The text of the section's first body paragraph (not an all-bold title line)."""
    for topic in content.topics_for(section_id):
        for match in PARAGRAPH.finditer(to_html(topic.body or "")):
            text = match.group(1)
            if _plain(BOLD.sub("", text)) and len(_plain(text).split()) >= 4:
                return _plain(text)
    raise ValueError(f"section {section_id!r} has no paragraph of body text")


def snippet(content: Content, section_id: str) -> str:
    """The paragraph's first words: what the watcher looks for."""
    return " ".join(first_paragraph(content, section_id).split()[:SNIPPET_WORDS])


def static_page(content: Content, section_id: str) -> str:
    """The section's text as one plain HTML document: its title and every topic."""
    section = content.section(section_id)
    title = html.escape(section.title if section else section_id)
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}"
             f"</title></head><body><main><h1>{title}</h1>"]
    for topic in content.topics_for(section_id):
        parts.append(f"<h2>{html.escape(topic.title)}</h2>{to_html(topic.body or '')}")
    parts.append("</main></body></html>")
    return "".join(parts)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def static_site(content: Content, folder: Path) -> Iterator[dict[str, str]]:
    """Serve every section's static page from `folder`; yields section id -> address."""
    folder.mkdir(parents=True, exist_ok=True)
    for section in content.sections:
        (folder / f"{section.id}.html").write_text(static_page(content, section.id), "utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield {s.id: f"http://127.0.0.1:{port}/{s.id}.html" for s in content.sections}
    finally:
        server.shutdown()
        server.server_close()
