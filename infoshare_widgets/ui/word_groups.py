"""A group of ui.yaml wording as a frozen dataclass, so models need no Content object."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="GroupWords")


@dataclass(frozen=True)
class GroupWords:
    """Subclass with one ``str`` field per key of ui.yaml's group ``GROUP``."""

    GROUP: ClassVar[str] = ""

    @classmethod
    def from_content(cls: type[T], content: Any) -> T:
        """Every field looked up by its own name in the class's group."""
        return cls(**{f.name: content.text(cls.GROUP, f.name) for f in fields(cls)})
