"""What a disclosure shows, without widgets: all of a list at once, or one item per press.

Shared by the case studies (model points, step by step for a facilitator), the golden rules (a
rule's full text) and the lawful bases (the pack's words and the guidance).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content.templates import fill

Action = Literal["reveal", "next", "hide"]


@dataclass
class Reveal:
    """Which of a list of items are shown: all at once, or one more per press in step mode.

    Pressing when everything is shown hides it all again, so a facilitator can run a case twice.
    """

    items: tuple[str, ...]
    step_mode: bool = False
    shown: int = 0

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def expanded(self) -> bool:
        return self.shown > 0

    @property
    def all_shown(self) -> bool:
        return self.shown >= self.total

    @property
    def visible(self) -> list[str]:
        """The items the learner can see now, in order."""
        return list(self.items[: self.shown])

    @property
    def action(self) -> Action:
        """What the next press does, which names the button."""
        if self.all_shown:
            return "hide"
        return "next" if self.step_mode else "reveal"

    def reveal_all(self) -> None:
        """Show every item at once (a facilitator's "Reveal all")."""
        self.shown = self.total

    def press(self) -> None:
        if self.all_shown:
            self.shown = 0
        elif self.step_mode:
            self.shown += 1
        else:
            self.shown = self.total


@dataclass(frozen=True)
class RevealWording:
    """Button labels and status lines, from ui.yaml. Empty status wording shows no status."""

    reveal: str
    next: str
    hide: str
    progress: str = ""
    done: str = ""
    all: str = ""  # "Reveal all", offered in step mode while points remain; "" offers none
    # A fixed label: the button says `reveal` whether open or not, and aria-expanded
    # carries the state. Step mode keeps its "Next point" / `hide` labels.
    fixed: bool = False

    def reveal_all_label(self, reveal: Reveal) -> str:
        """The "Reveal all" button's text, or "" when it is not offered."""
        return self.all if reveal.step_mode and not reveal.all_shown else ""

    def button(self, reveal: Reveal) -> str:
        if self.fixed and not reveal.step_mode:
            return self.reveal
        return {"reveal": self.reveal, "next": self.next, "hide": self.hide}[reveal.action]

    def status(self, reveal: Reveal) -> str:
        """In step mode, how far the facilitator has got, and when every point is out."""
        if not (reveal.step_mode and reveal.expanded):
            return ""
        if reveal.all_shown:
            return fill(self.done, shown=reveal.shown, total=reveal.total)
        return fill(self.progress, shown=reveal.shown, total=reveal.total)
