"""The texts' HTML beside a snapshot (`content/renderings.py`): read a text at a time, cleaned.

A kernel that reads a snapshot keeps no text's HTML in memory: it reads the text's HTML from the
renderings file when a page shows it; nh3 still cleans it (the file cannot put a script on a
page); a renderings file that is missing, damaged or not private is not used (markdown-it renders).
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from infoshare_widgets.content import cache, markdown, renderings, snapshot
from infoshare_widgets.content.loaded import Content

COMMONMARK = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


@pytest.fixture(autouse=True)
def _renderer_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "_rendered", markdown._rendered)
    monkeypatch.setattr(markdown, "_md", markdown._md)


def _as_a_kernel(root: Path) -> Content:
    """What a new kernel gets: nothing in memory, no renderer made, the snapshot on disk."""
    cache._cache.clear()
    markdown._md = None
    markdown.remember({})
    return cache.current_content(root, None)


def _written(snapshots: Path) -> tuple[Path, Path]:
    [pickled] = snapshots.glob("*.pickle")
    return pickled, pickled.with_suffix(snapshot.RENDERINGS)


def test_a_kernel_reads_each_text_from_the_servers_renderings(
        sound: Path, snapshots: Path) -> None:
    loaded = cache.current_content(sound, None)
    pickled, beside = _written(snapshots)
    texts = sorted(loaded.prose())
    assert len(texts) > 3
    read = _as_a_kernel(sound)
    assert not hasattr(read, "rendered")
    assert isinstance(markdown._rendered, renderings.Renderings)
    assert len(markdown._rendered) == len(texts)
    for text in texts:  # markdown-it's own HTML, and only in the renderings file
        html = COMMONMARK.render(text)
        assert markdown._rendered.get(text) == html
        assert html.encode() in beside.read_bytes() and html.encode() not in pickled.read_bytes()
    assert oct(beside.stat().st_mode & 0o777) == "0o600"
    assert all(markdown.to_html(text) for text in texts)
    assert markdown._md is None  # every text read from the file: the renderer was never made
    assert markdown.to_html("not *in* the content") == "<p>not <em>in</em> the content</p>\n"
    assert markdown._md is not None


def test_a_script_in_the_renderings_file_never_reaches_the_page(
        sound: Path, snapshots: Path) -> None:
    """A tampered renderings file is read, and nh3 still cleans what it gives."""
    loaded = cache.current_content(sound, None)
    _, beside = _written(snapshots)
    text = sorted(loaded.prose())[0]
    tampered = {t: COMMONMARK.render(t) for t in loaded.prose()}
    tampered[text] = '<p onclick="alert(1)">mine</p><script>alert(1)</script>'
    with beside.open("wb") as out:
        renderings.dump(tampered, out)
    _as_a_kernel(sound)
    assert markdown._rendered.get(text) == tampered[text]  # read from the file
    assert markdown.to_html(text) == "<p>mine</p>"  # and cleaned
    assert markdown._md is None


def _missing(path: Path) -> None:
    path.unlink()


def _damaged(path: Path) -> None:
    path.write_bytes(renderings.MAGIC + b"\xff\xff\xff\x00 short")


def _writable_by_others(path: Path) -> None:
    os.chmod(path, 0o620)


def _a_link(path: Path) -> None:
    target = path.with_name("elsewhere")
    path.rename(target)
    path.symlink_to(target)


@pytest.mark.parametrize("spoil", [_missing, _damaged, _writable_by_others, _a_link],
                         ids=lambda f: f.__name__.strip("_"))
def test_without_a_usable_renderings_file_the_kernel_renders(
        sound: Path, snapshots: Path, spoil) -> None:  # noqa: ANN001
    loaded = cache.current_content(sound, None)
    _, beside = _written(snapshots)
    spoil(beside)
    assert snapshot.rendered(beside.stem) is None
    read = _as_a_kernel(sound)
    assert read.quizzes == loaded.quizzes  # the snapshot itself is still read
    assert markdown._md is None
    text = sorted(loaded.prose())[0]
    assert markdown.to_html(text)
    assert markdown._md is not None  # rendered here, as without a snapshot
    assert markdown._render(text) == COMMONMARK.render(text)


def test_a_pruned_snapshot_takes_its_renderings_with_it(
        sound: Path, snapshots: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot, "KEEP", 1)
    cache.current_content(sound, None)
    first_pickle, first = _written(snapshots)
    handle = snapshot.rendered(first.stem)  # a page being built in a kernel
    assert handle is not None
    text = sorted(cache.current_content(sound, None).prose())[0]
    stamp = first_pickle.stat().st_mtime + 5
    os.utime(sound / "quizzes/sample.yaml", (stamp, stamp))
    cache.current_content(sound, None)  # a new state: a new snapshot, the old one pruned
    assert len(list(snapshots.glob("*.pickle"))) == 1
    assert not first.exists() and len(list(snapshots.glob(f"*{snapshot.RENDERINGS}"))) == 1
    assert handle.get(text) == COMMONMARK.render(text)  # an open file still reads
    handle.close()
    assert handle.get(text) is None


def test_a_renderings_file_without_its_snapshot_is_removed_in_time(
        sound: Path, snapshots: Path) -> None:
    """A renderings file whose pickle another process pruned (an older version of this code
    prunes pickles only) goes at the next write, unless it is new (its pickle may be coming)."""
    cache.current_content(sound, None)
    pickled, beside = _written(snapshots)
    pickled.unlink()
    orphan, new = snapshots / f"old{snapshot.RENDERINGS}", snapshots / f"new{snapshot.RENDERINGS}"
    orphan.write_bytes(beside.read_bytes())
    new.write_bytes(beside.read_bytes())
    stamp = time.time() - snapshot.ORPHAN_SECONDS - 5
    os.utime(orphan, (stamp, stamp))
    _as_a_kernel(sound)  # no pickle: loaded from the files, written again, pruned
    assert pickled.exists() and beside.exists() and new.exists()
    assert not orphan.exists()


def test_a_renderings_file_round_trips(tmp_path: Path) -> None:
    rendered = {f"text {n} é ✓": f"<p>html {n} é ✓</p>\n" for n in range(300)}
    rendered["one\nline"] = ""
    out = io.BytesIO()
    renderings.dump(rendered, out)
    path = tmp_path / "texts.renderings"
    path.write_bytes(out.getvalue())
    read = renderings.Renderings(path)
    assert len(read) == len(rendered)
    assert all(read.get(text) == html for text, html in rendered.items())
    assert read.get("not there") is None and read.get("") is None
    read.close()
    path.write_bytes(out.getvalue()[:200])  # cut short within the index
    with pytest.raises(ValueError):
        renderings.Renderings(path)
