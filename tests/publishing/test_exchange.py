"""`infoshare export`/`import`: the overlay as a zip or a folder and back, each item checked and
published as a version; a hostile archive brings nothing in."""

from __future__ import annotations

import os
import zipfile

import pytest
from _publish_support import quiz_text, scenario_text

from infoshare_widgets.content.size_limits import MAX_FILE_BYTES
from infoshare_widgets.publishing import exchange
from infoshare_widgets.publishing.exchange import (
    MAX_ITEMS,
    MAX_TOTAL_BYTES,
    TOO_MUCH,
    export_overlay,
    import_overlay,
)
from infoshare_widgets.publishing.publish_store import PublishStore


@pytest.fixture
def published(store, editor):
    store.publish("quizzes", "sample", quiz_text(title="One"), editor)
    store.publish("quizzes", "sample", quiz_text(title="Two"), editor)
    store.publish("scenarios", "referral", scenario_text(), editor)
    return store


@pytest.mark.parametrize("name", ["backup.zip", "backup-folder"])
def test_export_then_import_gives_the_same_items(published, editor, site, tmp_path, name):
    out = tmp_path / name
    assert export_overlay(published.overlay, out) == 5  # two items, three versions
    fresh = PublishStore(site, tmp_path / "elsewhere" / "published")
    result = import_overlay(out, fresh, editor)
    assert not result.problems
    assert sorted((v.kind, v.item_id, v.action) for v in result.published) == [
        ("quizzes", "sample", "import"), ("scenarios", "referral", "import")]
    for kind, item_id in (("quizzes", "sample"), ("scenarios", "referral")):
        assert fresh.published_text(kind, item_id) == published.published_text(kind, item_id)
    again = import_overlay(out, fresh, editor)
    assert not again.published and sorted(again.unchanged) == [
        ("quizzes", "sample"), ("scenarios", "referral")]


def test_export_never_overwrites(published, tmp_path):
    (tmp_path / "taken.zip").write_text("mine")
    with pytest.raises(FileExistsError):
        export_overlay(published.overlay, tmp_path / "taken.zip")
    assert (tmp_path / "taken.zip").read_text() == "mine"


def test_a_hostile_zip_brings_nothing_in(store, editor, tmp_path):
    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../quizzes/sample.yaml", quiz_text(title="Escaped"))
        out.writestr("quizzes/../../evil.yaml", quiz_text())
        out.writestr("/etc/quizzes/sample.yaml", quiz_text())
        out.writestr("quizzes/Bad_Id.yaml", quiz_text())
        out.writestr("quizzes/big.yaml", "x" * (MAX_FILE_BYTES + 1))
        out.writestr("quizzes/sample.yaml", quiz_text(title="[A placeholder]"))
        out.writestr(".history/quizzes/sample/000001.json", "{}")
    result = import_overlay(archive, store, editor)
    assert not result.published
    messages = sorted(p.message for p in result.problems)
    assert messages == ["replace the placeholder \"[A placeholder]\" with the real text",
                        "the file name is not a valid id", "the item is too large"]
    assert store.history() == [] and not (tmp_path / "evil.yaml").exists()


def test_the_commands_export_import_and_validate_read_the_overlay(published, site, tmp_path,
                                                                  capsys):
    from infoshare_widgets.cli import main

    backup = tmp_path / "backup.zip"
    assert main(["export", str(backup), "--overlay", str(published.overlay)]) == 0
    other = tmp_path / "other"
    assert main(["import", str(backup), "--content", str(site), "--overlay", str(other),
                 "--account", "ops"]) == 0
    assert "published quizzes/sample (version 1)" in capsys.readouterr().out
    (other / "quizzes" / "sample.yaml").write_text(quiz_text(title="[Heading]"))
    assert main(["validate", str(site), "--overlay", str(other)]) == 1
    out = capsys.readouterr().out
    assert f"{other / 'quizzes' / 'sample.yaml'}:2: title: replace the placeholder" in out
    assert main(["validate", str(site), "--overlay", "off"]) == 0
    assert "2 published here" not in capsys.readouterr().out


def _bomb(path, members: int, size: int) -> None:
    """A real zip whose `members` items each unpack to `size` bytes of one letter (about a
    thousandth of that on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for i in range(members):
            out.writestr(f"quizzes/item-{i}.yaml", "a" * size)


def _members_opened(monkeypatch) -> list:
    """The members any zip opens from now on (each call's arguments), as they are opened."""
    opened: list = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open",
                        lambda self, *a, **k: opened.append(a) or real_open(self, *a, **k))
    return opened


def test_a_zip_bomb_is_refused_before_any_member_is_unpacked(store, editor, tmp_path,
                                                              monkeypatch):
    archive = tmp_path / "bomb.zip"
    members = MAX_TOTAL_BYTES // (MAX_FILE_BYTES - 1) + 2  # each under the one-file limit
    _bomb(archive, members, MAX_FILE_BYTES - 1)
    assert archive.stat().st_size < MAX_TOTAL_BYTES // 100  # small on disk: a real bomb
    opened = _members_opened(monkeypatch)
    result = import_overlay(archive, store, editor)
    assert not result.published and opened == []
    assert [p.message for p in result.problems] == [TOO_MUCH]
    assert "zip bomb" in TOO_MUCH and "64 MB" in TOO_MUCH


def test_a_zip_of_too_many_items_is_refused_without_reading_them(store, editor, tmp_path,
                                                                 monkeypatch):
    archive = tmp_path / "many.zip"
    _bomb(archive, MAX_ITEMS + 50, 1)
    opened = _members_opened(monkeypatch)
    result = import_overlay(archive, store, editor)
    assert not result.published and opened == []
    assert [p.message for p in result.problems] == [f"more than {MAX_ITEMS} items: nothing "
                                                    "imported"]


def test_a_zip_larger_than_the_limit_is_not_opened(store, editor, tmp_path, monkeypatch):
    monkeypatch.setattr(exchange, "MAX_TOTAL_BYTES", 1_000_000)
    archive = tmp_path / "large.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        out.writestr(".history/noise.json", os.urandom(1_100_000))
    result = import_overlay(archive, store, editor)
    assert [p.message for p in result.problems] == ["is larger than 1 MB: nothing imported"]


def test_a_damaged_zip_is_a_problem_not_a_crash(store, editor, tmp_path):
    archive = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("quizzes/sample.yaml", quiz_text())
    data = bytearray(archive.read_bytes())
    at = data.index(b"PK\x01\x02") - 8  # inside the member's compressed data
    data[at:at + 4] = b"\xff\xff\xff\xff"
    archive.write_bytes(bytes(data))
    result = import_overlay(archive, store, editor)
    assert not result.published and "cannot be read as a zip" in result.problems[0].message
