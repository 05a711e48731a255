"""A minimal sound content folder for the content tests: every required file, one item of each
contract type, and the fixed test wording (tests/fixtures/ui.yaml), not the shipped ui.yaml."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_FIXTURE = ROOT / "tests" / "fixtures" / "ui.yaml"

BASES = ["consent", "contract", "legal-obligation", "vital-interests", "public-task",
         "legitimate-interests"]

QUIZ = """\
id: sample
title: A sample quiz
section: children
questions:
  - id: true-false
    prompt: Is this a true/false question?
    kind: single
    options:
      - text: "True"
        correct: true
        feedback: It has exactly the options True and False.
      - text: "False"
        correct: false
        feedback: It has exactly the options True and False.
  - id: several
    prompt: Which of these are colours?
    kind: multiple
    options:
      - text: Red
        correct: true
        feedback: Red is a colour.
      - text: Square
        correct: false
        feedback: A square is a shape.
    explanation: Red is a colour; a square is a shape.
"""

CASE = """\
id: sample-case
name: Sam
about: A sample case
audience: adults
story: Sam lives alone.
questions:
  - id: worrying
    prompt: What is worrying you?
    points:
      - Sam lives alone.
"""

SCENARIOS = """\
title: Which basis fits?
intro: Pick a basis.
scenarios:
  - id: referral
    audience: children
    title: A referral
    situation: You refer a concern to children's social care.
    fits: [legal-obligation, public-task]
    explanation: Statutory duties and official functions.
    basis_feedback:
      consent: Consent is often not the right basis.
    source: A source.
source: A source.
"""


def _minimal_files() -> dict[str, str]:
    """A content folder with every required file and one item of each contract type."""
    bases = "".join(
        f"  - id: {b}\n    name: {b}\n    pack_text: Text.\n    plain_english: Text.\n"
        f"    safeguarding: usually\n    guidance: Text.\n    source: Source.\n" for b in BASES)
    return {
        "ui.yaml": UI_FIXTURE.read_text(encoding="utf-8"),
        "sections.yaml": "sections:\n  - id: start\n    title: Start\n    notebook: 00-start\n"
                         "    summary: How to use it.\n",
        "lawful_bases.yaml": f"title: Bases\nintro: Intro.\nbases:\n{bases}guidance: Text.\n"
                             "update_note:\n  title: Note\n  body: Body.\n  source: Source.\n"
                             "tool:\n  title: Tool\nsource: Source.\n",
        "lawful_basis_scenarios.yaml": SCENARIOS,
        "decision_record.yaml": "title: Record\nintro: Intro.\nwarning: Practice only.\n"
                                "questions:\n  - id: what\n    prompt: What?\nsource: Source.\n",
        "quizzes/sample.yaml": QUIZ,
        "case_studies/sample-case.yaml": CASE,
    }


def write_sound_folder(root: Path) -> Path:
    """Write the minimal sound content folder at ``root``."""
    for name, text in _minimal_files().items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root
