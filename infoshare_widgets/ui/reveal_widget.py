"""The accessible reveal component (anywidget), shared by case studies and golden rules.

The front end (``reveal.js``) draws a heading, an optional "your thoughts" box (whose text stays in
the page: no trait carries it to the kernel) and a real
``<button aria-expanded aria-controls>`` over a live region; this class keeps a :class:`Reveal`
model and sends the page only what is shown now.
"""

from __future__ import annotations

from typing import Any

import traitlets

from .reveal import Reveal, RevealWording
from .styles import ModuleWidget, front_end


class RevealWidget(ModuleWidget):
    """A heading, an optional note box, and a disclosure button over a live list of items."""

    _esm = front_end(__file__, "reveal.js", "reveal.css")

    heading = traitlets.Unicode("").tag(sync=True)
    heading_level = traitlets.Int(3).tag(sync=True)
    note_label = traitlets.Unicode("").tag(sync=True)
    note_hint = traitlets.Unicode("").tag(sync=True)
    button_label = traitlets.Unicode("").tag(sync=True)
    expanded = traitlets.Bool(False).tag(sync=True)
    panel_heading = traitlets.Unicode("").tag(sync=True)
    # Sanitised HTML (to_html) of the items shown now; hidden items never reach the page.
    items = traitlets.List(traitlets.Unicode()).tag(sync=True)
    as_list = traitlets.Bool(True).tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    card = traitlets.Bool(False).tag(sync=True)
    # Step mode (a facilitator's case study): one point per press, a "Reveal all" button (its
    # label, "" when not offered), and Page Down / Right Arrow reveal the next point.
    step_mode = traitlets.Bool(False).tag(sync=True)
    reveal_all_label = traitlets.Unicode("").tag(sync=True)
    # Names: hidden words before the box's name ("Jessie:") and after the button's
    # ("for Jessie: What is worrying you?"), so every control on a page has its own name.
    context = traitlets.Unicode("").tag(sync=True)
    button_more = traitlets.Unicode("").tag(sync=True)
    secondary = traitlets.Bool(False).tag(sync=True)  # a disclosure, not the page's main action
    # The note box's character count (text_box.js): ui.yaml app.count_* and the limit.
    count_words = traitlets.Dict().tag(sync=True)
    max_length = traitlets.Int(5000).tag(sync=True)
    # True while what is shown was put back from stored progress: shown, not announced.
    restored = traitlets.Bool(False).tag(sync=True)

    def __init__(self, reveal: Reveal, wording: RevealWording, progress_key: str = "",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # The item's id and a hash of its wording (ui.progress_format.item_key); "" = not kept.
        self.progress_key = progress_key
        self._reveal = reveal
        self._wording = wording
        self.on_msg(self._on_message)
        self._render()

    @property
    def reveal(self) -> Reveal:
        return self._reveal

    def press(self) -> None:
        """What the button does: reveal all, reveal the next point, or hide."""
        self._reveal.press()
        self._render()

    def reveal_all(self) -> None:
        """What "Reveal all" does: show every remaining point."""
        self._reveal.reveal_all()
        self._render()
    def restore(self) -> None:
        """Show every item, as stored progress says the learner did, without announcing it."""
        if not self._reveal.all_shown:
            self._reveal.shown = self._reveal.total
            self._render(quiet=True)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        event = content.get("event") if isinstance(content, dict) else None
        if event == "press":
            self.press()
        elif event == "reveal_all":
            self.reveal_all()
        elif event == "next" and self._reveal.step_mode and not self._reveal.all_shown:
            self.press()  # a clicker's Page Down: the next point, never "hide"

    def _render(self, quiet: bool = False) -> None:
        with self.hold_sync():
            self.restored = quiet
            self.items = self._reveal.visible
            self.expanded = self._reveal.expanded
            self.button_label = self._wording.button(self._reveal)
            self.status = self._wording.status(self._reveal)
            self.step_mode = self._reveal.step_mode
            self.reveal_all_label = self._wording.reveal_all_label(self._reveal)
