"""The authoring guide's terminal route works as written, beside its builder example: each
`infoshare new` command in it, run on one folder after the builder's file, succeeds (no two
examples share an id) and the folder still validates."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from infoshare_widgets.cli import main
from infoshare_widgets.content.loader import load_content

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring-guide.md"


def test_the_guides_examples_do_not_collide(sound: Path) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    builder_id = re.search(r"\*\*Id\*\*: `([a-z0-9-]+)`", text).group(1)
    case = (sound / "case_studies" / "sample-case.yaml").read_text(encoding="utf-8")
    (sound / "case_studies" / f"{builder_id}.yaml").write_text(
        case.replace("id: sample-case", f"id: {builder_id}"), encoding="utf-8")
    commands = [line for line in text.splitlines() if line.startswith(".venv/bin/infoshare new")]
    assert len(commands) == 3  # a case study, a quiz, a scenario
    for line in commands:
        args = shlex.split(line.replace("~/our-training", str(sound)))[1:]
        assert main(args) == 0, line
    content = load_content(sound)
    assert not content.problems, content.problems
    assert len(content.case_studies) == 3
