"""Fixtures shared by the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from _content_support import write_sound_folder


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    """A minimal sound content folder, to break one file of at a time."""
    return write_sound_folder(tmp_path / "content")


@pytest.fixture
def snapshots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private snapshot folder of this test's own, and no content in memory yet."""
    from infoshare_widgets.content import cache, snapshot

    folder = tmp_path / "snapshots"
    monkeypatch.setenv(snapshot.FOLDER_VARIABLE, str(folder))
    monkeypatch.setattr(cache, "_cache", {})
    return folder
