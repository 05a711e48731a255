"""`infoshare export`/`import`: the overlay as a zip or a folder and back, each item checked and
published as a version; a hostile archive brings nothing in."""

from __future__ import annotations

import zipfile

import pytest
from _publish_support import quiz_text, scenario_text

from infoshare_widgets.content.size_limits import MAX_FILE_BYTES
from infoshare_widgets.publishing.exchange import export_overlay, import_overlay
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
