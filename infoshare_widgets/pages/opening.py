"""Opening a page: wait for the visit, then read the content and the mode for that visitor."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from ..content import Content
from ..content.cache import current_content
from ..ui.error_card import explain_problems
from .drafts import SHOWS_DRAFTS, for_mode
from .page import Page
from .visit import configure_logging, read_mode, wait_for_visit

log = logging.getLogger(__name__)

# Imported before the visit, while the preheated kernel waits, so a visitor does not wait for
# them: only what a learner's page of that section uses (a kernel holds no other component; the
# facilitator's parts are imported when a facilitator's page needs them).
COMPONENT_MODULES = (
    "infoshare_widgets.ui.error_card", "infoshare_widgets.quiz.view",
    "infoshare_widgets.lawful_basis.view", "infoshare_widgets.case_study.view",
    "infoshare_widgets.golden_rules.view", "infoshare_widgets.decision_record.view",
    "infoshare_widgets.quiz.group", "infoshare_widgets.facilitator.view",
)
_QUIZ, _RULES = "infoshare_widgets.quiz.view", "infoshare_widgets.golden_rules.view"
PAGE_MODULES = {
    "start": (_RULES,),  # the task list names the rules' check
    "what-is-it": (_QUIZ, "infoshare_widgets.lawful_basis.view"),
    "children": (_QUIZ, _RULES),
    "adults": (_QUIZ, _RULES),
    "tips": (_QUIZ, "infoshare_widgets.decision_record.view"),
    "case-studies": (_QUIZ, "infoshare_widgets.case_study.view"),
}


def preload(section_id: str | None = None) -> None:
    """Import the components a learner's page of ``section_id`` uses (every one for a section
    not listed), so the preheated kernel has done it before the visit."""
    names = ("infoshare_widgets.ui.error_card",
             *PAGE_MODULES.get(section_id or "", COMPONENT_MODULES))
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a missing component shows its error card when its cell runs
            log.warning("could not import %s", name, exc_info=True)


def open_page(section_id: str, content_dir: Path | str | None = None) -> Page:
    """The page of a section, built for this visit. Never raises.

    Waits for the visit first (:func:`wait_for_visit`), then reads the content and the mode, so a
    preheated kernel shows content changed since it started and the visitor's mode.
    """
    configure_logging()
    try:
        current_content(content_dir)  # warm the cache while waiting
    except Exception:
        log.exception("could not read the content folder before the visit")
    preload(section_id)
    query = wait_for_visit()
    try:
        content = current_content(content_dir)
    except Exception:
        log.exception("could not read the content folder")
        root = Path(content_dir) if content_dir else Path(".")
        content = Content(root=root)
    if content.problems:
        log.warning("content in %s has %d problem(s); run `infoshare validate`",
                    content.root, len(content.problems))
    mode = read_mode(query)
    explain_problems(mode in SHOWS_DRAFTS)  # a trainer's card says what is wrong and where
    return Page(section_id=section_id, content=for_mode(content, mode), mode=mode, query=query)
