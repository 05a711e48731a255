"""A small download button (anywidget): the browser turns a text into a file on click.

Reusable for any record a learner takes away (the decision record; later the completion record).
The file is made in the page (``download.js``: a Blob and an ``<a download>``); the server keeps
nothing and nothing is sent anywhere.
"""

from __future__ import annotations

import traitlets

from .styles import ModuleWidget, front_end


class DownloadButton(ModuleWidget):
    """A labelled button that downloads ``text`` as ``filename``."""

    _esm = front_end(__file__, "download.js", "download.css")

    label = traitlets.Unicode("").tag(sync=True)
    hint = traitlets.Unicode("").tag(sync=True)
    filename = traitlets.Unicode("record.txt").tag(sync=True)
    mime = traitlets.Unicode("text/plain;charset=utf-8").tag(sync=True)
    text = traitlets.Unicode("").tag(sync=True)
