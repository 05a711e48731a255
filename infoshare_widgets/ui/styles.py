"""Each anywidget's front end: a small loader, so the code and styles go once per page.

A component's ES module (``question.js``) imports what it uses from ``dom.js`` (the ``el()``
helper, unique ids, heading levels) and ``text_box.js`` (the character count); ``components.css``
(box, text, buttons, form controls, focus ring, ``[hidden]``) is linked before every component's
own stylesheet. The files are served by the app (``infoshare_widgets.frontend``); a widget's
``_esm`` is only the loader that fetches them, and it has no ``_css``.
"""

from __future__ import annotations

from pathlib import Path

from ..frontend import loader


def front_end(here: str | Path, module: str, *stylesheets: str | Path) -> str:
    """The ``_esm`` of an anywidget component: its module and stylesheets (named beside ``here``,
    the view's ``__file__``, or given as paths), loaded once per page."""
    folder = Path(here).parent
    return loader(folder / module, *(folder / sheet for sheet in stylesheets))

