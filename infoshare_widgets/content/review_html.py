"""The review pack as one printable HTML file: inline styles, no scripts, nothing fetched.

Laid out from `review_pack.ReviewPack`: the version and sign-off line at the top, a heading and a
table per page (item, statement, source), the sources that could not be verified, and how to
record the sign-off. Every text is escaped; authored Markdown goes through `markdown.to_html`, the
project's one sanitiser. The wording is ui.yaml's `review` group; a key a trainer's own ui.yaml
leaves out takes the shipped wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from .loaded import Content
from .markdown import escape, to_html
from .review_pack import PageStatements, Passage, ReviewPack, Statement, Unverified
from .sources import long_date, source_inline_html
from .templates import fill_template
from .yaml_reader import read_yaml

SHIPPED_UI = Path(__file__).resolve().parents[2] / "content" / "ui.yaml"

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1a1a1a;
  background: #fff; margin: 0; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; }
.is-meta p { margin: .2rem 0; }
.is-signoff-line { font-weight: bold; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #767676; padding: .4rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
td p, td ul, td ol { margin: .2rem 0 .4rem; }
.is-item { width: 20%; } .is-source-cell { width: 28%; }
.is-where { display: block; font-weight: normal; color: #4a4a4a; font-size: .85em;
  word-break: break-all; }
.is-kind { display: block; font-size: .85em; text-transform: uppercase; letter-spacing: .03em; }
.is-label { font-weight: bold; margin-top: .4rem; }
.is-draft { font-style: italic; }
.is-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
pre { border: 1px solid #767676; padding: .6rem; white-space: pre-wrap; }
a { color: #0b4f9c; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 9.5pt; } main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; } section { break-before: auto; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  a { color: inherit; }
  td a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em;
    word-break: break-all; }
}
"""


def review_words(content: Content) -> dict[str, str]:
    """The pack's wording: the folder's ui.yaml `review` group over the shipped one, and the two
    source words every page uses (`app.new_tab`, `app.source_checked`)."""
    shipped = read_yaml(SHIPPED_UI, SHIPPED_UI.parent).data or {}
    words = {k: str(v) for k, v in (shipped.get("review") or {}).items()}
    if content.ui is not None:
        words.update(content.ui.review)
    words["new_tab"] = content.text("app", "new_tab")
    words["source_checked"] = content.text("app", "source_checked")
    return words


def _say(words: Mapping[str, str], key: str, **values: object) -> str:
    """One wording, filled and escaped (a missing key shows as itself, never a crash)."""
    return escape(fill_template(words.get(key, key.replace("_", " ")), values))


def _passage(words: Mapping[str, str], passage: Passage) -> str:
    label = f'<p class="is-label">{_say(words, passage.label, name=passage.name)}</p>'
    if passage.plain:
        texts = "".join(f"<li>{escape(t)}</li>" for t in passage.texts)
        return f"{label}<ul>{texts}</ul>"
    if len(passage.texts) > 1 or passage.label == "items":
        return f"{label}<ul>{''.join(f'<li>{to_html(t)}</li>' for t in passage.texts)}</ul>"
    return label + to_html(passage.texts[0])


def _sources(words: Mapping[str, str], statement: Statement) -> str:
    if not statement.sources:
        return f"<p>{_say(words, 'no_source')}</p>"
    return "".join(f"<p>{source_inline_html(s, words['new_tab'], words['source_checked'])}</p>"
                   for s in statement.sources)


def _row(words: Mapping[str, str], statement: Statement) -> str:
    draft = f'<span class="is-draft">{_say(words, "draft")}</span>' if statement.draft else ""
    if statement.changed_locally:
        draft += f'<span class="is-draft">{_say(words, "changed_locally")}</span>'
    item = (f'<span class="is-kind">{_say(words, statement.kind)}</span>'
            f"<strong>{escape(statement.title)}</strong>"
            f'<span class="is-where">{escape(statement.where)}</span>{draft}')
    text = "".join(_passage(words, p) for p in statement.passages)
    return (f'<tr><th scope="row" class="is-item">{item}</th><td>{text}</td>'
            f'<td class="is-source-cell">{_sources(words, statement)}</td></tr>')


def _page(words: Mapping[str, str], page: PageStatements) -> str:
    heading = f'<h2 id="page-{escape(page.section_id)}">{escape(page.title)}</h2>'
    if not page.statements:
        return f"<section>{heading}<p>{_say(words, 'empty_page')}</p></section>"
    head = "".join(f'<th scope="col">{_say(words, k)}</th>'
                   for k in ("col_item", "col_statement", "col_source"))
    rows = "".join(_row(words, s) for s in page.statements)
    return (f"<section>{heading}<table><caption>{_say(words, 'caption', title=page.title)}"
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>")


def _unverified_row(words: Mapping[str, str], item: Unverified) -> str:
    source = (source_inline_html(item.source, words["new_tab"], words["source_checked"])
              if item.source is not None else _say(words, "no_source"))
    why = "; ".join(_say(words, r) for r in item.reasons)
    return (f'<tr><td>{escape(item.where)}</td><td>{escape(item.item)}</td><td>{source}</td>'
            f"<td>{why}</td></tr>")


def _unverified(words: Mapping[str, str], items: tuple[Unverified, ...]) -> str:
    heading = f'<h2 id="unverified">{_say(words, "unverified_heading")}</h2>'
    if not items:
        return f"<section>{heading}<p>{_say(words, 'unverified_none')}</p></section>"
    head = "".join(f'<th scope="col">{_say(words, k)}</th>'
                   for k in ("col_where", "col_item", "col_source", "col_why"))
    rows = "".join(_unverified_row(words, i) for i in items)
    return (f"<section>{heading}<p>{_say(words, 'unverified_intro')}</p><table><thead><tr>"
            f"{head}</tr></thead><tbody>{rows}</tbody></table></section>")


def _top(words: Mapping[str, str], pack: ReviewPack, today: date) -> str:
    if pack.version is None or pack.reviewed is None:
        lines = [_say(words, "no_about")]
    else:
        lines = [_say(words, "version", version=pack.version, reviewed=long_date(pack.reviewed))]
    status = escape(pack.footer) if pack.signed_off else _say(words, "not_signed_off")
    lines.append(f'<span class="is-signoff-line">{status}</span>')
    made = f"{long_date(today)} ({pack.made.isoformat()})"
    lines.append(_say(words, "made", date=made))
    meta = "".join(f"<p>{line}</p>" for line in lines)
    problems = ""
    if pack.problems:
        listed = "".join(f"<li>{escape(p)}</li>" for p in pack.problems)
        problems = (f'<section><h2 id="problems">{_say(words, "problems_heading")}</h2>'
                    f"<p>{_say(words, 'problems_intro')}</p><ul>{listed}</ul></section>")
    return (f"<h1>{_say(words, 'title')}</h1><div class=\"is-meta\">{meta}</div>"
            f"<p>{_say(words, 'intro')}</p>{problems}")


def _contents(words: Mapping[str, str], pack: ReviewPack) -> str:
    links = [(f"page-{p.section_id}", escape(p.title)) for p in pack.pages]
    links += [("unverified", _say(words, "unverified_heading")),
              ("sign-off", _say(words, "sign_off_heading"))]
    items = "".join(f'<li><a href="#{escape(i)}">{text}</a></li>' for i, text in links)
    return (f'<nav aria-labelledby="contents"><h2 id="contents">{_say(words, "contents")}</h2>'
            f"<ol>{items}</ol></nav>")


def _sign_off(words: Mapping[str, str], pack: ReviewPack) -> str:
    version = escape(pack.version or "")
    form = (f'signed_off:\n  role: \n  date: \n  content_version: "{version}"\n'
            f"  pack_made: {escape(pack.made.isoformat())}")
    return (f'<section><h2 id="sign-off">{_say(words, "sign_off_heading")}</h2>'
            f"<p>{_say(words, 'sign_off_intro')}</p><pre>{form}</pre>"
            + (f"<p>{_say(words, 'sign_off_now')} {escape(pack.footer)}</p>"
               if pack.signed_off else "") + "</section>")


def review_html(pack: ReviewPack, words: Mapping[str, str], today: date) -> str:
    """The whole document: one file that opens and prints the same without the internet."""
    title = _say(words, "title")
    body = (_top(words, pack, today) + _contents(words, pack)
            + "".join(_page(words, p) for p in pack.pages)
            + _unverified(words, pack.unverified) + _sign_off(words, pack))
    return ('<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="referrer" content="no-referrer">'
            f"<title>{title}</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>\n")


def default_pack_name(version: str | None) -> str:
    """``infoshare-review-2026.12.html``: the version in the name, kept to safe characters."""
    safe = "".join(c if c.isalnum() or c in ".-_" else "-" for c in version or "").strip(".-")
    return f"infoshare-review-{safe}.html" if safe else "infoshare-review.html"
