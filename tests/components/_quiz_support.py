"""Small content objects for the quiz and lawful-basis tests, built in code (no content files)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import yaml

from infoshare_widgets.content import Content, models

ROOT = Path(__file__).resolve().parents[2]


def ui() -> models.UIStrings:
    """A fixed copy of the interface wording: editing content/ui.yaml breaks no test."""
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "ui.yaml").read_text(encoding="utf-8"))
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


def bases() -> models.LawfulBasesFile:
    """Three bases are enough to exercise every branch; the real file has six."""
    return models.LawfulBasesFile.model_validate({
        "title": "Basis for sharing information",
        "intro": "You must have a **lawful basis**.",
        "bases": [
            {"id": "consent", "name": "Consent", "pack_text": "the individual has given consent",
             "plain_english": "The person agreed.", "safeguarding": "rarely",
             "guidance": "Consent is often not the most appropriate basis.",
             "source": "UK GDPR Article 6(1)"},
            {"id": "legal-obligation", "name": "Legal obligation",
             "pack_text": "necessary to comply with the law", "plain_english": "The law says so.",
             "safeguarding": "usually", "guidance": "Working Together 2023 names it.",
             "source": "UK GDPR Article 6(1)"},
            {"id": "vital-interests", "name": "Vital interests",
             "pack_text": "necessary to protect someone's life",
             "plain_english": "To protect a life.", "safeguarding": "sometimes",
             "guidance": "Fits an emergency.",
             "source": "UK GDPR Article 6(1)"},
            {"id": "public-task", "name": "Public task",
             "pack_text": "necessary for your official functions",
             "plain_english": "Your official job.", "safeguarding": "usually",
             "guidance": "Working Together 2023 names it too.",
             "source": "UK GDPR Article 6(1)"},
        ],
        "guidance": "Legal obligation or public task usually fit; vital interests in an emergency.",
        "update_note": {"title": "Recognised legitimate interests", "body": "A new basis.",
                        "source": "Data (Use and Access) Act 2025"},
        "tool": {"title": "Lawful basis interactive tool",
                 "publisher": "Information Commissioner's Office (ICO)"},
        "source": "LLR resource pack",
    })


def scenarios() -> models.ScenariosFile:
    return models.ScenariosFile.model_validate({
        "title": "Which basis fits?",
        "intro": "Pick the basis that fits.",
        "scenarios": [
            {"id": "school-referral", "audience": "children", "title": "A referral from school",
             "situation": "A teacher is worried about a pupil.",
             "fits": ["legal-obligation", "public-task"],
             "explanation": "Working Together 2023 names legal obligation or public task.",
             "basis_feedback": {"consent": "Consent is often not the right basis.",
                                "public-task": "A school's safeguarding duty is public."},
             "source": "Working Together to Safeguard Children 2023, paragraph 31"},
            {"id": "collapse", "audience": "adults", "title": "A collapse at home",
             "situation": "An adult is unconscious; paramedics ask about medication.",
             "fits": ["vital-interests"],
             "explanation": "Someone's life is at risk: vital interests.",
             "source": "UK GDPR Article 6(1)(d)"},
        ],
        "source": "Written for this resource",
    })


def text_of(html_text: str) -> str:
    """What a reader sees of some HTML: the text without tags, entities decoded."""
    inline = re.sub(r"</?(strong|em|span|a|code)\b[^>]*>", "", html_text)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inline))).strip()
