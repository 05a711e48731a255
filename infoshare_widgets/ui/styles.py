"""Each anywidget's front end: a small loader, so the code and styles go once per page.

A component's ES module (``question.js``) imports what it uses from ``dom.js`` (the ``el()``
helper, unique ids, heading levels) and ``text_box.js`` (the character count); ``components.css``
(box, text, buttons, form controls, focus ring, ``[hidden]``) is linked before every component's
own stylesheet. The files are served by the app (``infoshare_widgets.frontend``); a widget's
``_esm`` is only the loader that fetches them, and it has no ``_css``.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from ..frontend import VIEW_CLASS, loader


def front_end(here: str | Path, module: str, *stylesheets: str | Path) -> str:
    """The ``_esm`` of an anywidget component: its module and stylesheets (named beside ``here``,
    the view's ``__file__``, or given as paths), loaded once per page."""
    folder = Path(here).parent
    return loader(folder / module, *(folder / sheet for sheet in stylesheets))



class ModuleWidget(anywidget.AnyWidget):
    """An anywidget whose front end is one of the package's modules (``_esm = front_end(...)``).

    Each of its views carries ``is-module`` from the moment it exists, before its module has come
    over HTTP; the loader then marks it drawn or failed (``frontend.py``), so a page can tell
    when every widget on it has been drawn.
    """

    @traitlets.default("_dom_classes")
    def _default_dom_classes(self) -> tuple[str, ...]:
        return (VIEW_CLASS,)
