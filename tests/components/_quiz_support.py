"""Small content objects for the quiz and lawful-basis tests, built in code (no content files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from infoshare_widgets.content import Content, models

ROOT = Path(__file__).resolve().parents[2]


def ui() -> models.UIStrings:
    """The shipped interface wording, so the tests read what a learner reads."""
    data = yaml.safe_load((ROOT / "content" / "ui.yaml").read_text(encoding="utf-8"))
    return models.UIStrings.model_validate(data)


def content(**items: Any) -> Content:
    return Content(root=ROOT / "content", ui=ui(), **items)


def quiz() -> models.Quiz:
    """A quiz with a single, a multiple and a true/false question."""
    return models.Quiz.model_validate({
        "id": "consent-basics",
        "title": "Consent & <sharing>",
        "section": "children",
        "questions": [
            {
                "id": "consent-always",
                "prompt": "Do you *always* need consent to share?",
                "kind": "single",
                "options": [
                    {"text": "Yes, always", "correct": False,
                     "feedback": "You need a lawful basis; consent is often not it."},
                    {"text": "No — you need a lawful basis", "correct": True,
                     "feedback": "Legal obligation or public task often fit."},
                    {"text": "Only for adults", "correct": False,
                     "feedback": "The same law covers adults and children."},
                ],
                "explanation": "Working Together 2023, paragraph 31.",
            },
            {
                "id": "which-fit",
                "prompt": "Which bases usually fit safeguarding?",
                "kind": "multiple",
                "options": [
                    {"text": "Legal obligation", "correct": True, "feedback": "Statutory duties."},
                    {"text": "Contract", "correct": False, "feedback": "Not about safeguarding."},
                    {"text": "Public task", "correct": True, "feedback": "Official functions."},
                    {"text": "Consent", "correct": False,
                     "feedback": "High threshold; can be withdrawn.\n\nOften not right."},
                ],
            },
            {
                "id": "no-consent-no-share",
                "prompt": "True or false: no consent means you cannot share.",
                "kind": "single",
                "options": [
                    {"text": "True", "correct": False,
                     "feedback": "A lack of consent does not stop it."},
                    {"text": "False", "correct": True, "feedback": "Another basis may fit."},
                ],
            },
        ],
    })
