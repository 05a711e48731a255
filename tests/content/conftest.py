"""Fixtures shared by the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from _content_support import write_sound_folder


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    """A minimal sound content folder, to break one file of at a time."""
    return write_sound_folder(tmp_path / "content")
