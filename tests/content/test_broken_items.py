"""Where a broken file's card goes: `Content.broken_items` and `problems_in(..., under=)`.

Pages used to re-read a broken file to guess its section (following symlinks, parsing a 50 MB
file again), the golden rules guessed the audience from the file name, and the scenario exercise
parsed `Problem.field` strings. The loader now records what each broken file declares.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from _content_support import QUIZ, SCENARIOS

from infoshare_widgets.content import BrokenFile, load_content
from infoshare_widgets.content.cache import current_content


def test_a_syntax_error_still_gives_the_declared_section(sound: Path) -> None:
    path = sound / "quizzes/broken.yaml"
    path.write_text("id: broken\nsection: adults\ntitle: Quiz: consent\n", encoding="utf-8")
    content = load_content(sound)
    [item] = content.broken_items("quizzes", section="adults")
    assert item == BrokenFile("quizzes", path, section="adults", audience=None,
                              problems=tuple(content.problems_in(path)))
    assert "YAML syntax error" in item.problems[0].message
    assert content.broken_items("quizzes", section="children") == []


def test_an_invalid_section_shows_on_every_page(sound: Path) -> None:
    """A typo such as `Children` used to put the card on no page at all."""
    path = sound / "quizzes/sample.yaml"
    path.write_text(QUIZ.replace("section: children", "section: Children"), encoding="utf-8")
    content = load_content(sound)
    for section in ("children", "adults", "tips"):
        assert [b.path for b in content.broken_items("quizzes", section=section)] == [path]
    assert content.broken_items("quizzes")[0].section == "Children"


def test_a_refused_file_declares_nothing_and_shows_everywhere(sound: Path,
                                                              tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(QUIZ.replace("id: sample", "id: link"), encoding="utf-8")
    (sound / "quizzes/link.yaml").symlink_to(elsewhere)
    [item] = load_content(sound).broken_items("quizzes", section="adults")
    assert (item.section, item.audience) == (None, None)  # the target was never read


def test_golden_rules_by_declared_audience_not_file_name(sound: Path) -> None:
    (sound / "golden_rules").mkdir()
    # Named for one audience, declaring the other: the declaration decides.
    (sound / "golden_rules/children.yaml").write_text(
        "id: children\naudience: adults\ntitle: Rules\n", encoding="utf-8")
    content = load_content(sound)
    assert [b.audience for b in content.broken_items("golden_rules", audience="adults")] == [
        "adults"]
    assert content.broken_items("golden_rules", audience="children") == []


def test_problems_under_one_scenario(sound: Path) -> None:
    path = sound / "lawful_basis_scenarios.yaml"
    second = SCENARIOS.split("scenarios:\n")[1].split("\nsource:")[0].replace(
        "id: referral", "id: other").replace("[legal-obligation,", "[legal-obligaton,")
    path.write_text(SCENARIOS.replace("\nsource:", f"\n{second}\nsource:", 1),
                    encoding="utf-8")
    content = load_content(sound)
    assert content.problems_in(path, under=("scenarios", 0)) == []
    [problem] = content.problems_in(path, under=("scenarios", 1))
    assert problem.loc == ("scenarios", 1, "fits", 0)
    assert problem.field == "scenarios[1].fits[0]"


def test_the_content_cache_does_not_import_the_server() -> None:
    """Kernel code (pages) uses the cache; it must not pull in infoshare_widgets.app."""
    code = ("import sys, infoshare_widgets.content.cache, infoshare_widgets.content.templates; "
            "print(sorted(m for m in sys.modules if m.startswith('infoshare_widgets.app')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    assert out == "[]"


def test_the_cache_reloads_only_when_a_file_changes(sound: Path) -> None:
    first = current_content(sound)
    assert current_content(sound) is first
    path = sound / "quizzes/sample.yaml"
    path.write_text(QUIZ.replace("A sample quiz", "A changed quiz"), encoding="utf-8")
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))
    second = current_content(sound)
    assert second is not first
    assert second.quizzes[0].title == "A changed quiz"
