"""What the server needs to know about the pages before a kernel runs: titles, order, wording.

The Voila template renders the page's <title>, the loading message and error pages on the server,
before any notebook code runs; these helpers give it the section's title (not the file name) and
the interface wording from the content folder (`content.cache`: re-read when a file changes).
"""

from __future__ import annotations

import logging
from typing import Any

from ..content import Content
from ..content.cache import content_signature, current_content

log = logging.getLogger(__name__)

__all__ = ["content_signature", "current_content", "notebook_url", "page_info",
           "start_notebook"]

# The app's wording the server-side pages use (ui.yaml `app:`), besides the app's title.
WORDING = ("loading", "error_title", "error_body", "not_found", "home", "busy_title", "busy_body",
           "lost_connection", "reload", "skip_link", "leave_warning", "part_failed")
# The pages are in British English (screen readers pick their voice from it).
LANG = "en-GB"


def notebook_url(notebook: str) -> str:
    """A section's page address relative to any other page (`02-children.ipynb`).

    Relative, so the same link works in Voila (`/voila/render/...`) and in JupyterLab.
    """
    return f"{notebook}.ipynb"


def start_notebook(content: Content | None = None) -> str:
    """The notebook of the first section (the Start page)."""
    try:
        content = content or current_content()
        if content.sections:
            return content.sections[0].notebook
    except Exception:
        log.exception("could not read the sections")
    return "00-start"


def page_info(notebook_name: Any) -> dict[str, str]:
    """Title and wording for the page of a notebook (a Jinja filter in the Voila template).

    Never raises: a broken content folder gives plain fallbacks so the page still renders and
    shows its error cards.
    """
    name = str(notebook_name or "")
    info = {"title": name, "app": "", "loading": "Loading…", "error_title": "",
            "error_body": "", "not_found": "", "home": "Home", "lang": LANG,
            "skip_link": "Skip to main content", "leave_warning": "",
            "busy_title": "Busy", "busy_body": "Please try again in a minute.",
            "lost_connection": "This page lost its connection — reload", "reload": "Reload",
            # a widget whose code could not be loaded says so in its place (frontend.py)
            "part_failed": "This part of the page could not be loaded. Reload the page to try "
                           "again."}
    try:
        content = current_content()
        for key in ("app_title", *WORDING):
            if content.ui is not None and key in content.ui.app:
                info[key if key != "app_title" else "app"] = content.text("app", key)
        section = next((s for s in content.sections if s.notebook == name), None)
        if section is not None:
            info["title"] = section.title
        info["home_url"] = notebook_url(start_notebook(content))
    except Exception:
        log.exception("could not read page information for %s", name)
    info.setdefault("home_url", notebook_url("00-start"))
    info["full_title"] = f"{info['title']} — {info['app']}" if info["app"] else info["title"]
    return info
