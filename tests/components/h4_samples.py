"""Sample content for the case-study, golden-rules, decision-record and error-card tests.

Built as model objects (not the shipped content files, which other work may change), with the
a fixed copy of the wording (tests/fixtures/ui.yaml), so a trainer editing content/ui.yaml
breaks no test.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from infoshare_widgets.content import Content, load_content, models

ROOT = Path(__file__).resolve().parents[2]
UI_FIXTURE = ROOT / "tests" / "fixtures" / "ui.yaml"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"


@cache
def ui_data() -> dict[str, Any]:
    return yaml.safe_load(UI_FIXTURE.read_text(encoding="utf-8"))


def ui(group: str, key: str) -> str:
    return ui_data()[group][key]


def make_content(root: Path | None = None, **fields: Any) -> Content:
    """A Content holding the shipped wording and whatever items a test passes."""
    return Content(root=root or Path("/no/such/content"),
                   ui=models.UIStrings.model_validate(ui_data()), **fields)


def case_study(**overrides: Any) -> models.CaseStudy:
    data: dict[str, Any] = {
        "id": "sample-case",
        "name": "Sam",
        "about": "Young carer",
        "audience": "children",
        "story": "Sam is *twelve* and cares for his mother.",
        "questions": [
            {"id": "worrying", "prompt": "What is worrying you?",
             "points": ["Sam is often late", "Sam looks tired", "Sam's mother is unwell"]},
            {"id": "contact", "prompt": "Who would you contact?",
             "points": ["The school's designated safeguarding lead"]},
            {"id": "follow-up", "prompt": "How would you follow up?",
             "points": ["Record what you shared", "Check that the referral was received"]},
        ],
        "source": "A practice scenario",
    }
    data.update(overrides)
    return models.CaseStudy.model_validate(data)


def golden_rules(audience: str = "children", **overrides: Any) -> models.GoldenRulesFile:
    data: dict[str, Any] = {
        "id": audience,
        "audience": audience,
        "title": "The seven golden rules",
        "intro": "Seven rules for sharing information.",
        "reference": {"title": "Information sharing advice", "publisher": "DfE",
                      "url": "https://example.org/advice"},
        "rules": [
            {"number": n, "key_phrase": f"Key phrase {n}", "text": f"The full text of rule {n}."}
            for n in range(1, 8)
        ],
        "checks": [
            {"id": "check-one", "situation": "A parent asks you not to tell anyone.",
             "rule": 3, "feedback": "Rule 3 is about consent."},
            {"id": "check-two", "situation": "You are not sure whether to share.",
             "rule": 2, "feedback": "Rule 2 says seek advice."},
        ],
        "source": "DfE, May 2024",
    }
    data["rules"][6]["continued"] = "More about rule 7 on the next page."
    data.update(overrides)
    return models.GoldenRulesFile.model_validate(data)


def decision_record_file(**overrides: Any) -> models.DecisionRecordFile:
    data: dict[str, Any] = {
        "title": "My information sharing decision",
        "intro": "Work through the questions.",
        "warning": "Use **practice** details, not real people's.",
        "questions": [
            {"id": "advice", "prompt": "Who can give me advice?",
             "help": "Your designated safeguarding lead, for example."},
            {"id": "what", "prompt": "What will I share, and with whom?"},
            {"id": "basis", "prompt": "What is the lawful basis?", "kind": "lawful-basis"},
            {"id": "told", "prompt": "Was the person told?", "kind": "choice",
             "choices": ["Yes", "No, it would be unsafe", "Not yet"]},
        ],
        "source": "LLR resource pack",
    }
    data.update(overrides)
    return models.DecisionRecordFile.model_validate(data)


def lawful_bases() -> models.LawfulBasesFile:
    def basis(i: str, name: str) -> dict[str, str]:
        return {"id": i, "name": name, "pack_text": "text", "plain_english": "plain",
                "safeguarding": "usually", "guidance": "guidance", "source": "a source"}

    return models.LawfulBasesFile.model_validate({
        "title": "Lawful bases", "intro": "intro",
        "bases": [basis("legal-obligation", "Legal obligation"),
                  basis("public-task", "Public task"), basis("consent", "Consent")],
        "guidance": "g", "update_note": {"title": "t", "body": "b", "source": "s"},
        "tool": {"title": "ICO tool"}, "source": "ICO",
    })


def case_yaml(case_id: str, name: str, order: int | None = None) -> str:
    data: dict[str, Any] = case_study(id=case_id, name=name).model_dump(exclude_none=True)
    if order is not None:
        data["order"] = order
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def content_folder(tmp_path: Path, files: dict[str, str]) -> Content:
    """Load a real content folder: the fixed ui.yaml plus the files given (path -> text)."""
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(UI_FIXTURE, root / "ui.yaml")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_content(root)


def assert_inert(html: str) -> None:
    """No tag or attribute from the attack strings survives as markup."""
    assert not re.search(r"<\s*(img|script)\b", html, re.IGNORECASE), html
    assert not re.search(r"<[^>]*\bonerror\s*=", html, re.IGNORECASE), html
