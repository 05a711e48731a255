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
import ipywidgets
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

    ``_esm`` and ``_anywidget_id`` are traits of the class, set once when the class is made:
    anywidget's own ``__init__`` adds them to each instance with traitlets' ``add_traits``, which
    makes a new class for every widget (about 2 ms of a kernel's CPU each: two thirds of What is
    it?'s cells at a visit, and a room of 30 visits at once).
    """

    _esm = traitlets.Unicode().tag(sync=True)
    _anywidget_id = traitlets.Unicode().tag(sync=True)
    _loader = ""
    # No Layout model: the views are styled by their stylesheets, and a DOMWidget's Layout is
    # one more model, message and view per widget (a third of What is it?'s models).
    layout = traitlets.Instance(ipywidgets.Layout, allow_none=True).tag(
        sync=True, **ipywidgets.widget_serialization)

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        written = cls.__dict__.get("_esm")
        if isinstance(written, str):  # `_esm = front_end(...)` in the class: the trait's value
            cls._loader = written
            delattr(cls, "_esm")

    def __init__(self, **kwargs: object) -> None:
        ipywidgets.DOMWidget.__init__(self, **kwargs)  # not AnyWidget's (above); no commands

    @traitlets.default("_esm")
    def _default_esm(self) -> str:
        return type(self)._loader

    @traitlets.default("_anywidget_id")
    def _default_anywidget_id(self) -> str:
        return f"{type(self).__module__}.{type(self).__name__}"

    @traitlets.default("_dom_classes")
    def _default_dom_classes(self) -> tuple[str, ...]:
        return (VIEW_CLASS,)
