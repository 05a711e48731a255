"""Fixtures for the publishing tests: a sound site and its store (all on disk, no server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _publish_support import write_sound_folder

from infoshare_widgets.publishing.publish_store import Author, PublishStore


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A minimal sound content folder."""
    return write_sound_folder(tmp_path / "content")


@pytest.fixture
def store(site: Path, tmp_path: Path) -> PublishStore:
    """The site's store: the overlay in ``data/published``, drafts in ``data/drafts``."""
    return PublishStore(site, tmp_path / "data" / "published")


@pytest.fixture
def editor() -> Author:
    return Author("sam.editor", "editor")
