"""Preview snapshots (`content.preview_snapshots`): a random token of one shape, a file readable
by its owner only, an expiry, expired and misnamed snapshots deleted; nothing else is read."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from infoshare_widgets.content.preview_snapshots import (
    EXPIRY_SECONDS,
    preview_folder,
    purge_expired,
    read_snapshot,
    valid_token,
    write_snapshot,
)

TEXT = "format: 1\nid: a-quiz\ntitle: A quiz\n"


def test_a_snapshot_is_read_back_by_its_token_until_it_expires(tmp_path: Path) -> None:
    token = write_snapshot("quizzes", TEXT, "ann", tmp_path, now=1000.0)
    assert valid_token(token) and len(token) == 32
    found = read_snapshot(token, tmp_path, now=1000.0 + EXPIRY_SECONDS - 1)
    assert found is not None and (found.kind, found.text, found.owner) == ("quizzes", TEXT, "ann")
    assert read_snapshot(token, tmp_path, now=1000.0 + EXPIRY_SECONDS) is None
    assert not (tmp_path / f"{token}.json").exists()  # an expired one is deleted on reading


def test_tokens_differ_and_the_folder_and_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "author-previews"
    tokens = {write_snapshot("quizzes", TEXT, "ann", folder) for _ in range(20)}
    assert len(tokens) == 20
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.glob("*.json"))


@pytest.mark.parametrize("token", ["", "short", "../published/quizzes/x", "a" * 31, "a" * 33,
                                   "a" * 31 + "/", "a" * 31 + ".", None, 12, ["a" * 32]])
def test_a_token_of_another_shape_names_no_file(tmp_path: Path, token: object) -> None:
    write_snapshot("quizzes", TEXT, "ann", tmp_path)
    assert not valid_token(token)
    assert read_snapshot(token, tmp_path) is None


def test_a_linked_or_broken_or_unknown_kind_snapshot_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"kind": "quizzes", "text": "x", "owner": "a", "expires": 1e12}')
    (tmp_path / ("b" * 32 + ".json")).symlink_to(secret)
    (tmp_path / ("c" * 32 + ".json")).write_text("not json")
    (tmp_path / ("d" * 32 + ".json")).write_text(
        '{"kind": "../x", "text": "x", "owner": "a", "expires": 1e12}')
    assert all(read_snapshot(t * 32, tmp_path) is None for t in "bcd")
    with pytest.raises(ValueError):
        write_snapshot("golden_rules", TEXT, "ann", tmp_path)


def test_writing_a_snapshot_deletes_the_expired_and_misnamed_ones(tmp_path: Path) -> None:
    old = write_snapshot("quizzes", TEXT, "ann", tmp_path, now=0.0)
    (tmp_path / "not-a-token.json").write_text("{}")
    new = write_snapshot("quizzes", TEXT, "ann", tmp_path, now=EXPIRY_SECONDS + 1.0)
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == [new]
    assert old != new and purge_expired(tmp_path, now=EXPIRY_SECONDS + 2.0) == 0


def test_the_folder_is_beside_the_overlay_and_none_without_one(tmp_path: Path) -> None:
    assert preview_folder(tmp_path / "published") == tmp_path / "author-previews"
    assert read_snapshot("a" * 32, None) is None
