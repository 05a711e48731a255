"""The validator's answer to broken files: the exact message, with file, field and line.

Each bad folder is a minimal sound folder with one file broken, so every expected message below is
the only problem in its folder. The trainer sees these messages, so they are asserted word for word.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from _content_support import CASE, QUIZ, SCENARIOS

from infoshare_widgets.content import load_content

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "content"
INFOSHARE = Path(sys.executable).with_name("infoshare")


def reported(root: Path) -> list[str]:
    """Every problem as the trainer reads it, with the folder prefix removed."""
    return [str(p).replace(f"{root}{os.sep}", "") for p in load_content(root).problems]


def edit(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    """A change to a file's text that fails loudly if the text to change is not there."""
    def change(text: str) -> str:
        assert text.count(old) >= count, f"{old!r} not in the sample"
        return text.replace(old, new, count)
    return change


def test_the_minimal_folder_is_sound(sound: Path) -> None:
    content = load_content(sound)
    assert content.problems == []
    assert [q.id for q in content.quizzes] == ["sample"]
    assert [c.id for c in content.case_studies] == ["sample-case"]


# (file, change, the one problem it must give)
BROKEN: dict[str, tuple[str, Callable[[str], str], str]] = {
    "yaml-syntax-colon-in-text": (
        "quizzes/sample.yaml", edit("title: A sample quiz", "title: Quiz: consent"),
        "quizzes/sample.yaml:2:12: YAML syntax error: mapping values are not allowed here "
        "(if the text contains ': ', put the whole text in quotes)"),
    "yaml-syntax-indentation": (
        "quizzes/sample.yaml", edit("    kind: single", "   kind: single"),
        "quizzes/sample.yaml:7:4: YAML syntax error: expected <block end>, but found "
        "'<block mapping start>' (check this line is indented like the lines above it)"),
    "yaml-syntax-tab": (
        "case_studies/sample-case.yaml", edit("    prompt:", "\tprompt:"),
        "case_studies/sample-case.yaml:8:1: YAML syntax error: found character '\\t' that "
        "cannot start any token (indent with spaces, not tabs; text starting with @, ` or % "
        "must be in quotes)"),
    "missing-field": (
        "quizzes/sample.yaml", edit("title: A sample quiz\n", ""),
        "quizzes/sample.yaml:1: title: required field is missing"),
    "missing-nested-field": (
        "quizzes/sample.yaml", edit("        feedback: A square is a shape.\n", ""),
        "quizzes/sample.yaml:22: questions[1].options[1].feedback: required field is missing"),
    "unknown-field-typo": (
        "quizzes/sample.yaml", edit("    prompt: Which", "    promt: Which"),
        "quizzes/sample.yaml:16: questions[1].promt: unknown field (did you mean 'prompt'?)"),
    "unknown-field-no-near-name": (
        "case_studies/sample-case.yaml", edit("about:", "colour: red\nabout:"),
        "case_studies/sample-case.yaml:3: colour: unknown field (allowed: id, name, about, "
        "audience, order, story, questions, facilitator_notes, source, see_also, draft)"),
    "wrong-type-bool": (
        "quizzes/sample.yaml", edit("correct: false", "correct: maybe"),
        "quizzes/sample.yaml:13: questions[0].options[1].correct: must be true or false "
        "(got str 'maybe')"),
    "wrong-type-number": (
        "quizzes/sample.yaml", edit("section: children", "section: children\norder: first"),
        "quizzes/sample.yaml:4: order: must be a whole number (got str 'first')"),
    "wrong-type-list": (
        "lawful_basis_scenarios.yaml", edit("[legal-obligation, public-task]", "public-task"),
        "lawful_basis_scenarios.yaml:8: scenarios[0].fits: must be a list "
        "(got str 'public-task')"),
    "unquoted-true-option": (
        "quizzes/sample.yaml", edit('text: "True"', "text: True"),
        "quizzes/sample.yaml:9: questions[0].options[0].text: must be text (got the true/false "
        "value true); put the text in quotes so YAML reads it as text"),
    "kind-not-in-list": (
        "quizzes/sample.yaml", edit("kind: multiple", "kind: several"),
        "quizzes/sample.yaml:17: questions[1].kind: must be one of 'single' or 'multiple' "
        "(got 'several')"),
    "section-not-in-list": (
        "quizzes/sample.yaml", edit("section: children", "section: Children"),
        "quizzes/sample.yaml:3: section: must be one of 'what-is-it', 'children', 'adults', "
        "'tips' or 'case-studies' (got 'Children'); did you mean 'children'?"),
    "audience-not-in-list": (
        "case_studies/sample-case.yaml", edit("audience: adults", "audience: elderly"),
        "case_studies/sample-case.yaml:4: audience: must be one of 'children' or 'adults' "
        "(got 'elderly')"),
    "id-not-file-name": (
        "quizzes/sample.yaml", edit("id: sample", "id: sample-quiz"),
        "quizzes/sample.yaml:1: id: id 'sample-quiz' must match the file name 'sample'"),
    "id-not-an-id": (
        "case_studies/sample-case.yaml", edit("  - id: worrying", "  - id: What worries"),
        "case_studies/sample-case.yaml:7: questions[0].id: 'What worries' is not a valid id: "
        "use lowercase letters, digits and hyphens"),
    "single-with-two-right-answers": (
        "quizzes/sample.yaml", edit("correct: false", "correct: true"),
        "quizzes/sample.yaml:5: questions[0]: a single-answer question needs exactly one correct "
        "option, found 2"),
    "multiple-with-no-right-answer": (
        "quizzes/sample.yaml", edit("        correct: true\n        feedback: Red",
                                    "        correct: false\n        feedback: Red"),
        "quizzes/sample.yaml:15: questions[1]: a multiple-answer question needs at least one "
        "correct option"),
    "question-with-one-option": (
        "quizzes/sample.yaml",
        edit('      - text: "False"\n        correct: false\n'
             "        feedback: It has exactly the options True and False.\n", ""),
        "quizzes/sample.yaml:5: questions[0]: a question needs at least two options, found 1"),
    "duplicate-question-id": (
        "quizzes/sample.yaml", edit("  - id: several", "  - id: true-false"),
        "quizzes/sample.yaml:15: questions[1].id: duplicate id 'true-false' in questions"),
    "no-questions": (
        "case_studies/sample-case.yaml",
        lambda text: text.split("questions:")[0] + "questions: []\n",
        "case_studies/sample-case.yaml:6: questions: needs at least 1 item(s)"),
    "empty-text-blank": (
        "quizzes/sample.yaml", edit("feedback: Red is a colour.", 'feedback: "   "'),
        "quizzes/sample.yaml:21: questions[1].options[0].feedback: must not be empty"),
    "empty-text-nothing": (
        "case_studies/sample-case.yaml", edit("story: Sam lives alone.", "story:"),
        "case_studies/sample-case.yaml:5: story: must not be empty"),
    "field-given-twice": (
        "case_studies/sample-case.yaml", edit("about: A sample case", "about: A\nabout: B"),
        "case_studies/sample-case.yaml:4: about: 'about' is given twice (first on line 3); "
        "keep one"),
    "basis-not-known": (
        "lawful_basis_scenarios.yaml", edit("[legal-obligation,", "[legal-obligaton,"),
        "lawful_basis_scenarios.yaml:8: scenarios[0].fits[0]: 'legal-obligaton' is not a lawful "
        "basis id (did you mean 'legal-obligation'? known: consent, contract, legal-obligation, "
        "legitimate-interests, public-task, vital-interests)"),
    "alias": (
        "quizzes/sample.yaml",
        edit("title: A sample quiz", "title: &t A sample quiz\nfacilitator_notes: *t"),
        "quizzes/sample.yaml:3:20: '*t' repeats another value; anchors and aliases (&name, "
        "*name) are not read here, so write the value out in full"),
    "not-a-mapping": (
        "quizzes/sample.yaml", lambda text: "- one\n- two\n",
        "quizzes/sample.yaml:1: the file must be a mapping of fields (name: value)"),
    "empty-file": (
        "quizzes/sample.yaml", lambda text: "",
        "quizzes/sample.yaml: the file is empty"),
    "only-comments": (
        "quizzes/sample.yaml", lambda text: "# to do\n",
        "quizzes/sample.yaml: the file is empty (it has only comments)"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_gives_its_exact_message(sound: Path, case: str) -> None:
    name, change, expected = BROKEN[case]
    path = sound / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert reported(sound) == [expected]


def test_there_are_at_least_twelve_bad_files() -> None:
    assert len(BROKEN) >= 12


def test_a_file_that_is_not_utf8_names_the_line_and_column(sound: Path) -> None:
    path = sound / "case_studies/sample-case.yaml"
    path.write_bytes(CASE.replace("Sam lives", "Sam lives in Caf\xe9 Street;", 1)
                     .encode("latin-1"))
    assert reported(sound) == [
        "case_studies/sample-case.yaml:5:24: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


def test_duplicate_id_across_two_files_names_both(sound: Path) -> None:
    (sound / "quizzes/copy.yaml").write_text(QUIZ, encoding="utf-8")
    content = load_content(sound)
    assert reported(sound) == [
        "quizzes/copy.yaml:1: id: duplicate id 'sample': quizzes/sample.yaml already has it; "
        "this file's id must be its file name, 'copy'"]
    assert [q.id for q in content.quizzes] == ["sample"]


def test_duplicate_scenario_id_in_one_file(sound: Path) -> None:
    path = sound / "lawful_basis_scenarios.yaml"
    text = path.read_text(encoding="utf-8")
    one = text.split("scenarios:\n")[1].split("\nsource:")[0]
    path.write_text(text.replace("\nsource:", f"\n{one}\nsource:", 1), encoding="utf-8")
    assert reported(sound) == [
        "lawful_basis_scenarios.yaml:13: scenarios[1].id: duplicate id 'referral'"]


@pytest.mark.timeout(60)
def test_nested_aliases_are_refused_before_they_expand(sound: Path) -> None:
    """A "billion laughs" file: 9 ** 9 values if expanded; refused at once instead."""
    levels = ["title: &l0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    (sound / "quizzes/sample.yaml").write_text("id: sample\n" + "\n".join(levels) + "\n",
                                               encoding="utf-8")
    assert reported(sound) == [
        "quizzes/sample.yaml:3:10: '*l0' repeats another value; anchors and aliases (&name, "
        "*name) are not read here, so write the value out in full"]


def test_a_missing_required_file(sound: Path) -> None:
    (sound / "decision_record.yaml").unlink()
    assert reported(sound) == ["decision_record.yaml: required file is missing"]


def test_a_yml_file_is_named_not_skipped(sound: Path) -> None:
    (sound / "quizzes/sample.yaml").rename(sound / "quizzes/sample.yml")
    assert reported(sound) == ["quizzes/sample.yml: rename to .yaml so it is read"]


def test_a_python_tag_is_refused_and_nothing_runs(sound: Path, tmp_path: Path) -> None:
    # The payload is live: an unsafe loader runs it and the control marker appears.
    control = tmp_path / "control-ran"
    yaml.unsafe_load(f"x: !!python/object/apply:os.system ['touch {control}']")
    assert control.exists()

    marker = tmp_path / "payload-ran"
    path = sound / "quizzes/sample.yaml"
    path.write_text(QUIZ.replace(
        "title: A sample quiz",
        f"title: !!python/object/apply:os.system ['touch {marker}']"), encoding="utf-8")
    expected = ("quizzes/sample.yaml:2:8: the tag '!!python/object/apply:os.system' is not "
                "allowed; only plain YAML (text, numbers, true/false, lists and mappings) is read")
    assert reported(sound) == [expected]
    run = subprocess.run([str(INFOSHARE), "validate", str(sound)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert expected in run.stdout.replace(f"{sound}{os.sep}", "")
    assert not marker.exists()


def test_every_problem_in_a_folder_is_reported_in_one_run(sound: Path) -> None:
    quiz = sound / "quizzes/sample.yaml"
    quiz.write_text(QUIZ.replace("    prompt: Which", "    promt: Which"), encoding="utf-8")
    case = sound / "case_studies/sample-case.yaml"
    case.write_text(CASE.replace("audience: adults", "audience: elderly"), encoding="utf-8")
    (sound / "decision_record.yaml").unlink()
    (sound / "quizzes/broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    scenarios = sound / "lawful_basis_scenarios.yaml"
    scenarios.write_text(SCENARIOS.replace("public-task]", "public-tsk]"), encoding="utf-8")

    problems = reported(sound)
    expected_starts = [
        "decision_record.yaml: required file is missing",
        "case_studies/sample-case.yaml:4: audience:",
        "quizzes/broken.yaml:2:1: YAML syntax error:",
        "quizzes/sample.yaml:16: questions[1].promt: unknown field",
        "lawful_basis_scenarios.yaml:8: scenarios[0].fits[1]: 'public-tsk'",
    ]
    assert len(problems) == len(expected_starts)
    for start in expected_starts:
        assert any(p.startswith(start) for p in problems), (start, problems)

    run = subprocess.run([str(INFOSHARE), "validate", str(sound)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    out = run.stdout.replace(f"{sound}{os.sep}", "")
    for start in expected_starts:
        assert start in out
    assert "5 problems in" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_an_unreadable_item_is_a_problem_not_a_crash(sound: Path) -> None:
    (sound / "quizzes/folder.yaml").mkdir()
    problems = reported(sound)
    assert len(problems) == 1
    assert problems[0].startswith("quizzes/folder.yaml: cannot be read:")


# --- the command line ---------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(INFOSHARE), *args], capture_output=True, text=True, timeout=120)


def test_validate_exits_1_with_the_problems_and_no_traceback(sound: Path) -> None:
    quiz = sound / "quizzes/sample.yaml"
    quiz.write_text(QUIZ.replace("correct: false", "correct: true", 1), encoding="utf-8")
    (sound / "case_studies/sample-case.yaml").write_bytes(b"\xff\xfe not utf-8")
    run = run_cli("validate", str(sound))
    assert run.returncode == 1
    out = run.stdout.replace(f"{sound}{os.sep}", "")
    assert ("quizzes/sample.yaml:5: questions[0]: a single-answer question needs exactly one "
            "correct option, found 2") in out
    assert "case_studies/sample-case.yaml:1:1: not UTF-8 text (byte 0xff)" in out
    assert "2 problems in" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_validate_exits_0_on_a_sound_folder(sound: Path) -> None:
    run = run_cli("validate", str(sound))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "content is sound" in run.stdout
    assert "1 quizzes" in run.stdout


def test_validate_exits_0_with_the_shipped_files_in_it(sound: Path) -> None:
    """The shipped files that exist, over the minimal folder, make a sound folder."""
    shipped = sorted(SHIPPED.rglob("*.yaml"))
    assert shipped, "no shipped content found"
    for path in shipped:
        target = sound / path.relative_to(SHIPPED)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    run = run_cli("validate", str(sound))
    assert run.returncode == 0, run.stdout + run.stderr


def test_validate_a_missing_folder_exits_1(tmp_path: Path) -> None:
    run = run_cli("validate", str(tmp_path / "nowhere"))
    assert run.returncode == 1
    assert "content folder not found" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_help_works() -> None:
    run = run_cli("--help")
    assert run.returncode == 0
    assert "validate" in run.stdout
    assert "reference" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


# --- the example files trainers copy ------------------------------------------------------------


@pytest.mark.parametrize(("example", "folder"), [("case-study.yaml", "case_studies"),
                                                 ("quiz.yaml", "quizzes")])
def test_an_example_file_validates_when_copied_into_content(sound: Path, example: str,
                                                            folder: str) -> None:
    source = REPO / "docs/examples" / example
    item_id = yaml.safe_load(source.read_text(encoding="utf-8"))["id"]
    shutil.copyfile(source, sound / folder / f"{item_id}.yaml")
    content = load_content(sound)
    assert content.problems == []
    assert item_id in [item.id for item in getattr(content, folder)]
