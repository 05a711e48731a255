"""`infoshare review`: one printable HTML file, every statement of law beside its source.

The pack is made from a copy of the shipped content whose scenarios are given a source here (the
shipped ones gain theirs on another branch), with one plain-text source and hostile text added,
and read back with `html.parser`: headings and a table per page, every helper rule and lawful
basis with its source, the "could not be verified" list, nothing that runs or fetches.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from infoshare_widgets.cli import main
from infoshare_widgets.content import load_content
from infoshare_widgets.content.review_html import review_html, review_words
from infoshare_widgets.content.review_pack import PAGE_OF, review_pack
from infoshare_widgets.content.sources import as_list

ROOT = Path(__file__).resolve().parents[2]
PLAIN = "A plain line about the Children Act 1989 that no reviewer can follow"
HOSTILE = '<script>alert("t")</script> & <img src=x onerror=alert(1)>'
SOURCE = ("    source:\n      title: Children Act 1989, section 47\n"
          "      publisher: legislation.gov.uk (The National Archives)\n"
          "      url: https://www.legislation.gov.uk/ukpga/1989/41/section/47\n"
          "      checked: 2026-12-06\n")


def _fixture(tmp_path: Path) -> Path:
    """The shipped content, each scenario with a source (the first a plain line), a hostile
    added topic."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    path = root / "lawful_basis_scenarios.yaml"
    lines = _without_scenario_sources(path.read_text(encoding="utf-8").splitlines(keepends=True))
    out, inside, first = [], False, True
    for line in lines:
        if line.startswith("  - id:") or (inside and re.match(r"^[a-z]", line)):
            if inside:
                out.append(f"    source: {PLAIN}\n" if first else SOURCE)
                first = False
            inside = line.startswith("  - id:")
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    (root / "topics" / "hostile.yaml").write_text(
        f"id: hostile\nsection: tips\norder: 99\ntitle: {json.dumps(HOSTILE)}\nstyle: added\n"
        f"body: {json.dumps('Raw <script>alert(2)</script> and **bold** text.')}\n"
        f"source:\n  title: {json.dumps(HOSTILE)}\n  publisher: Nobody\n", encoding="utf-8")
    return root


def _without_scenario_sources(lines: list[str]) -> list[str]:
    """The scenarios' own `source:` blocks left out (the shipped ones may have them), so each
    gets the fixture's."""
    out, skipping = [], False
    for line in lines:
        if re.match(r"^    sources?:", line):
            skipping = True
            continue
        if skipping and (line.startswith("     ") or line.startswith("    -")):
            continue
        skipping = False
        out.append(line)
    return out


class Pack(HTMLParser):
    """What a reader of the file meets: headings, tables by page, tags and attributes."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.h2: list[tuple[str, str]] = []  # (id, text)
        self.tables: dict[str, list[list[str]]] = {}  # the h2 id before it -> rows of cells
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._heading: list[str] | None = None
        self._page = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "h2":
            self._heading = []
            self._page = dict(attrs).get("id") or ""
        elif tag == "table":
            self.tables[self._page] = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._heading is not None:
            self.h2.append((self._page, " ".join("".join(self._heading).split())))
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._page].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for part in (self._heading, self._cell):
            if part is not None:
                part.append(data)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, str, Pack]:
    root = _fixture(tmp_path_factory.mktemp("review"))
    content = load_content(root)
    assert content.problems == []
    html = review_html(review_pack(content), review_words(content), date(2026, 12, 6))
    return content, html, Pack(html)


def _rows(pack: Pack) -> list[list[str]]:
    return [row for page, rows in pack.tables.items() if page.startswith("page-")
            for row in rows[1:]]


def test_a_heading_per_page_in_section_order_and_a_table_for_each_page_with_statements(
        made) -> None:
    content, _, pack = made
    pages = [(i, t) for i, t in pack.h2 if i.startswith("page-")]
    assert pages == [(f"page-{s.id}", s.title) for s in content.sections]
    stated = {"page-what-is-it", "page-children", "page-adults", "page-tips"}
    assert stated <= set(pack.tables)
    for page in stated:
        header, *rows = pack.tables[page]
        assert header == ["Item", "Statement", "Source"] and rows, page


def test_every_helper_rule_is_listed_beside_its_own_source(made) -> None:
    content, _, pack = made
    rows = pack.tables["page-what-is-it"]
    rules = [r for p in content.basis_helper.parts for r in p.rules]
    assert rules
    for rule in rules:
        [row] = [r for r in rows if f"({rule.id})" in r[0] and rule.summary in r[0]]
        words = [w for w in re.sub(r"[*_`]", "", rule.body).split() if w != "-"]
        first_words = " ".join(words[:6])
        assert first_words in row[1]
        for ref in as_list(rule.source):
            assert (ref if isinstance(ref, str) else ref.title) in row[2]


def test_every_lawful_basis_is_listed_with_its_plain_english_guidance_and_source(made) -> None:
    content, _, pack = made
    rows = pack.tables["page-what-is-it"]
    assert content.lawful_bases.bases
    for basis in content.lawful_bases.bases:
        [row] = [r for r in rows if r[0].startswith("Lawful basis")
                 and f"{basis.name} ({basis.id})" in r[0]]
        assert "Plain English:" in row[1] and "Guidance:" in row[1]
        for ref in as_list(basis.source):
            assert (ref if isinstance(ref, str) else ref.title) in row[2]


def test_every_scenario_and_added_topic_is_listed_with_its_source(made) -> None:
    content, _, pack = made
    text = " ".join(" ".join(r) for r in _rows(pack))
    for scenario in content.scenarios.scenarios:
        assert f"({scenario.id})" in text
    sourced = [r for r in _rows(pack) if r[0].startswith("Scenario")][1:]
    assert sourced and all("Children Act 1989, section 47" in r[2] and
                           "legislation.gov.uk (The National Archives)" in r[2] and
                           "checked 6 December 2026" in r[2] for r in sourced)
    for topic in content.topics:
        listed = topic.style in ("added", "update") or topic.after is not None
        assert (f"({topic.id})" in text) == listed, topic.id


def _row_for(pack: Pack, marker: str) -> list[str]:
    [row] = [r for r in _rows(pack) if marker in r[0]]
    return row


def _words(markdown: str) -> str:
    """The first words of a Markdown text as they read in the pack."""
    return " ".join(re.sub(r"[*_`]", "", markdown).split()[:12])


def test_every_after_note_is_listed_with_its_topic_but_not_the_packs_own_body(made) -> None:
    """DPO review: the dated "not from the pack" updates sit in the `after:` notes of topics the
    pack quotes; the pack listed only `added`/`update` topics, so the signer never read them."""
    content, _, pack = made
    for topic_id in ("working-together-2023", "working-together-key-points",
                     "working-together-para-31", "further-resources"):
        [topic] = [t for t in content.topics if t.id == topic_id]
        assert topic.after and topic.style not in ("added", "update")
        row = _row_for(pack, f"({topic_id})")
        assert "After the list:" in row[1] and _words(topic.after) in row[1], topic_id
        if topic.body:
            assert _words(topic.body) not in row[1], topic_id  # the pack's own words
    para = _row_for(pack, "(working-together-para-31)")[1]
    assert "Update (6 December 2026, not from the pack):" in para


def test_a_quiz_explanation_labelled_as_the_courses_own_is_listed_without_a_source(
        made) -> None:
    content, _, pack = made
    [quiz] = [q for q in content.quizzes if q.id == "children-guidance"]
    [question] = [q for q in quiz.questions if q.id == "who-to-tell"]
    assert question.source is None and "Not from the pack" in question.explanation
    row = _row_for(pack, f"{quiz.title}: who-to-tell")
    assert _words(question.explanation) in row[1]
    assert "not Working Together's words" in row[1]
    assert row[2] == "No source given."
    # a question with no source and no such label is the pack's: not listed
    assert not [r for r in _rows(pack) if f"{quiz.title}: explain-to-family" in r[0]]


def test_the_version_review_date_and_sign_off_are_at_the_top(made) -> None:
    content, html, _ = made
    top = html.split('<nav', 1)[0]
    assert f"Content version {content.about.version}" in top
    assert "6 December 2026" in top and "Not signed off yet" in top


def test_the_unverified_list_has_the_plain_text_source_and_sources_without_link_or_date(
        made) -> None:
    _, _, pack = made
    rows = pack.tables["unverified"][1:]
    [plain] = [r for r in rows if PLAIN in r[2]]
    assert plain[0].startswith("lawful_basis_scenarios.yaml:") and "scenarios[0].source" in \
        plain[0]
    assert plain[3] == "written as plain text (no link, no checked date)"
    [hostile] = [r for r in rows if r[0].startswith("topics/hostile.yaml")]
    assert hostile[1] == "hostile"  # the item's id, not the source's own title
    assert hostile[3] == "no link; no checked date"
    scenarios = [r for r in rows if r[0].startswith("lawful_basis_scenarios.yaml")
                 and " scenarios[" in r[0]]
    assert scenarios == [plain]  # the others have a link and a checked date


def test_nothing_runs_or_is_fetched_and_hostile_text_is_escaped(made) -> None:
    _, html, pack = made
    assert "<script" not in html.lower()
    assert not [t for t, a in pack.tags if t in ("script", "img", "iframe", "link", "object")]
    assert not [a for _, a in pack.tags if "src" in a or any(k.startswith("on") for k in a)]
    assert "@import" not in html and "url(" not in html
    assert "&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &lt;img" in html
    assert HOSTILE in "".join(pack.text)  # shown as text, twice: title and source
    assert "<strong>bold</strong>" in html  # Markdown still rendered, through to_html
    assert "@media print" in html and "<style>" in html


def test_infoshare_review_writes_the_file_in_the_current_folder_and_prints_its_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = _fixture(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["review", str(root)]) == 0
    written = work / f"infoshare-review-{load_content(root).about.version}.html"
    assert capsys.readouterr().out.strip() == written.name
    assert Pack(written.read_text(encoding="utf-8")).tables
    assert main(["review", str(root), "--out", str(tmp_path / "pack.html")]) == 0
    assert (tmp_path / "pack.html").is_file()


def test_a_folder_with_problems_still_gets_a_pack_that_names_them_and_exits_1(
        sound: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sound / "lawful_basis_scenarios.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    source: A source.\n", ""),
                    encoding="utf-8")
    assert main(["review", str(sound), "--out", str(tmp_path / "p.html")]) == 1
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "scenarios[0].source: required field is missing" in html
    assert "before sign-off" in capsys.readouterr().err


def test_the_pages_named_for_the_bases_scenarios_and_helper_are_where_the_notebooks_put_them(
        ) -> None:
    calls = {"lawful_bases": "page.lawful_bases()", "scenarios": "page.lawful_bases()",
             "basis_helper": "page.basis_helper()"}
    sections = {s.id: s for s in load_content(ROOT / "content").sections}
    for part, section_id in PAGE_OF.items():
        notebook = ROOT / "notebooks" / f"{sections[section_id].notebook}.ipynb"
        assert calls[part] in notebook.read_text(encoding="utf-8"), part
