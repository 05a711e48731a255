"""One bad content file cannot hurt the server: each is a named problem and the rest still loads.

Deep nesting, a huge file, a symlink (to a secret, or a folder outside), over-long text and a
dangerous ui.yaml placeholder are each refused with the file's name; `infoshare validate` exits 1
naming every one, never with a traceback.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _content_support import QUIZ, UI_FIXTURE

from infoshare_widgets.content import load_content, models
from infoshare_widgets.content.size_limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS

INFOSHARE = Path(sys.executable).with_name("infoshare")
SECRET = "root:$6$very-secret-hash:19000:0:99999:7:::"

SCORE_LINE = next(n for n, line in enumerate(UI_FIXTURE.read_text(encoding="utf-8").splitlines(), 1)
                  if line.startswith("  score:"))  # quiz.score in tests/fixtures/ui.yaml


def reported(root: Path) -> list[str]:
    return [str(p).replace(f"{root}{os.sep}", "") for p in load_content(root).problems]


def still_loads(root: Path, *, quizzes: list[str] | None = None) -> None:
    """The rest of the folder loaded: wording, the case study and (by default) the sample quiz."""
    content = load_content(root)
    assert content.ui is not None
    assert [c.id for c in content.case_studies] == ["sample-case"]
    assert [q.id for q in content.quizzes] == (["sample"] if quizzes is None else quizzes)


# --- nesting ------------------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_a_file_nested_500_deep_is_a_named_problem(sound: Path) -> None:
    """The probe's 1.2 KB file: RecursionError took down every page and crashed validate."""
    (sound / "quizzes/deep.yaml").write_text("id: deep\ntitle: " + "[" * 500 + "]" * 500 + "\n",
                                             encoding="utf-8")
    assert reported(sound) == [
        f"quizzes/deep.yaml:2:{7 + MAX_DEPTH}: lists and mappings are nested more than "
        f"{MAX_DEPTH} levels deep here; the file is not read"]  # the file itself is level 1
    still_loads(sound)


def test_block_nesting_just_over_the_limit_is_refused_and_at_it_is_read(sound: Path) -> None:
    def nested(levels: int) -> str:
        return "".join(f"{'  ' * i}k{i}:\n" for i in range(levels)) + "  " * levels + "x: 1\n"

    (sound / "quizzes/deep.yaml").write_text(nested(MAX_DEPTH), encoding="utf-8")
    problems = reported(sound)
    assert problems and "nested more than" in problems[0]
    (sound / "quizzes/deep.yaml").write_text(nested(MAX_DEPTH - 1), encoding="utf-8")
    problems = reported(sound)
    assert problems and not any("nested" in p for p in problems)  # read, then checked


def test_recursion_and_memory_errors_stay_with_their_file(sound: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = models.Quiz.model_validate.__func__  # type: ignore[attr-defined]

    def explode(cls: type, data: dict, *args: object, **kwargs: object) -> object:
        if data.get("id") == "bomb":
            raise RecursionError("maximum recursion depth exceeded")
        if data.get("id") == "hog":
            raise MemoryError
        return real(cls, data, *args, **kwargs)

    monkeypatch.setattr(models.Quiz, "model_validate", classmethod(explode))
    for name in ("bomb", "hog"):
        (sound / f"quizzes/{name}.yaml").write_text(QUIZ.replace("id: sample", f"id: {name}", 1),
                                                   encoding="utf-8")
    assert reported(sound) == [
        "quizzes/bomb.yaml: too large or too deeply nested to read (RecursionError)",
        "quizzes/hog.yaml: too large or too deeply nested to read (MemoryError)"]
    still_loads(sound)


# --- size ---------------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_with_its_name(sound: Path) -> None:
    """A valid quiz padded past 1 MB with a comment: today's loader calls it sound."""
    path = sound / "quizzes/sample.yaml"
    path.write_text(QUIZ + "# " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    size = path.stat().st_size
    assert reported(sound) == [
        f"quizzes/sample.yaml: the file is too large: {size:,} bytes (at most 1 MB); split it "
        "into smaller files"]
    still_loads(sound, quizzes=[])


@pytest.mark.timeout(60)
def test_a_50_mb_file_is_refused_in_milliseconds(sound: Path) -> None:
    big = sound / "case_studies/big.yaml"
    line = b"  Sam lives alone and has not been seen by the neighbours for a week.\n"
    with big.open("wb") as out:
        out.write(b"id: big\nname: Big\nabout: A big story\naudience: adults\nstory: |\n")
        out.write(line * (50_000_000 // len(line)))
    start = time.perf_counter()
    problems = reported(sound)
    elapsed = time.perf_counter() - start
    assert problems == ["case_studies/big.yaml: the file is too large: 50 MB (at most 1 MB); "
                        "split it into smaller files"]
    assert elapsed < 2.0  # the whole folder; the 50 MB file itself is never read
    still_loads(sound)


@pytest.mark.timeout(30)
def test_a_named_pipe_does_not_hang_the_loader(sound: Path) -> None:
    os.mkfifo(sound / "quizzes/pipe.yaml")
    assert reported(sound) == ["quizzes/pipe.yaml: cannot be read: it is not an ordinary file"]
    still_loads(sound)


def test_a_text_field_over_the_length_limit_is_named(sound: Path) -> None:
    path = sound / "case_studies/sample-case.yaml"
    story = "Sam lives alone. " * (MAX_TEXT_CHARS // 17 + 1)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "story: Sam lives alone.", f"story: {story.strip()}"), encoding="utf-8")
    n = len(story.strip())
    assert reported(sound) == [
        f"case_studies/sample-case.yaml:5: story: is too long: {n:,} characters (at most "
        f"{MAX_TEXT_CHARS:,}); shorten it or split it"]
    assert [q.id for q in load_content(sound).quizzes] == ["sample"]


# --- symlinks -----------------------------------------------------------------------------------


def test_a_symlink_to_a_secret_is_refused_and_never_read(sound: Path, tmp_path: Path) -> None:
    """The probe's case_studies/x.yaml -> /etc/shadow printed every line as 'unknown field'."""
    secret = tmp_path / "shadow"
    secret.write_text(f"{SECRET}\nnobody:*:19000:0:99999:7:::\n", encoding="utf-8")
    (sound / "case_studies/x.yaml").symlink_to(secret)
    problems = reported(sound)
    assert problems == ["case_studies/x.yaml: symlinks are not read: put the file itself in the "
                        "content folder"]
    assert "secret" not in " ".join(problems) and "root" not in " ".join(problems)
    still_loads(sound)


def test_a_hardlink_to_a_secret_is_refused_and_never_printed(sound: Path, tmp_path: Path,
                                                             caplog) -> None:
    """The probe's hard link to a secret: `validate` and the log printed its lines."""
    secret = tmp_path / "shadow"
    secret.write_text(f"{SECRET}\nnobody:*:19000:0:99999:7:::\n", encoding="utf-8")
    os.link(secret, sound / "case_studies/x.yaml")
    with caplog.at_level(logging.DEBUG):
        problems = reported(sound)
    assert problems == ["case_studies/x.yaml: hard links are not read: put a copy of the file "
                        "itself in the content folder"]
    assert "very-secret-hash" not in caplog.text and "nobody:*" not in caplog.text
    still_loads(sound)
    run = subprocess.run([str(INFOSHARE), "validate", str(sound)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1 and "case_studies/x.yaml: hard links" in run.stdout
    printed = run.stdout + run.stderr
    assert "very-secret-hash" not in printed and "nobody:*" not in printed


def test_a_symlink_inside_the_folder_is_refused_too(sound: Path) -> None:
    (sound / "quizzes/again.yaml").symlink_to(sound / "quizzes/sample.yaml")
    assert reported(sound) == ["quizzes/again.yaml: symlinks are not read: put the file itself "
                               "in the content folder"]


def test_a_symlinked_required_file_is_refused(sound: Path, tmp_path: Path) -> None:
    real = tmp_path / "decision_record.yaml"
    (sound / "decision_record.yaml").rename(real)
    (sound / "decision_record.yaml").symlink_to(real)
    content = load_content(sound)
    assert [str(p).replace(f"{sound}{os.sep}", "") for p in content.problems] == [
        "decision_record.yaml: symlinks are not read: put the file itself in the content folder"]
    assert content.decision_record is None
    assert content.broken_files["decision_record"] == [sound / "decision_record.yaml"]


def test_a_symlinked_folder_is_refused_and_its_files_not_listed(sound: Path,
                                                                tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"{SECRET}: 1\n", encoding="utf-8")
    (sound / "topics").symlink_to(outside, target_is_directory=True)
    problems = reported(sound)
    assert problems == ["topics: symlinks are not read: put the file itself in the content "
                        "folder"]
    assert SECRET not in " ".join(problems)
    still_loads(sound)


def test_validate_names_every_hostile_file_and_exits_1(sound: Path, tmp_path: Path) -> None:
    """Today: exit 2 and "RecursionError", with no file named."""
    (sound / "quizzes/deep.yaml").write_text("title: " + "[" * 500 + "]" * 500 + "\n",
                                             encoding="utf-8")
    with (sound / "quizzes/huge.yaml").open("wb") as out:
        out.truncate(2 * MAX_FILE_BYTES)
    secret = tmp_path / "shadow"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    (sound / "case_studies/x.yaml").symlink_to(secret)
    ui = sound / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("{correct} {total}", "{total[0]}"),
                  encoding="utf-8")
    run = subprocess.run([str(INFOSHARE), "validate", str(sound)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout.replace(f"{sound}{os.sep}", "")
    for named in ("quizzes/deep.yaml:1:", "quizzes/huge.yaml: the file is too large",
                  "case_studies/x.yaml: symlinks are not read",
                  f"ui.yaml:{SCORE_LINE}: quiz.score:"):
        assert named in out, (named, out)
    assert "4 problems in" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert SECRET not in run.stdout + run.stderr


def test_validate_exits_1_even_if_loading_itself_fails(sound: Path, monkeypatch, capsys) -> None:
    """Whatever escapes the per-file guards is still a sentence and exit 1, not exit 2."""
    from infoshare_widgets import cli

    def fail(directory: object, overlay: object = None) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(cli, "load_content", fail)
    assert cli.main(["validate", str(sound)]) == 1
    out = capsys.readouterr()
    assert "could not be checked (RecursionError)" in out.out
    assert "Traceback" not in out.out + out.err


def test_validate_prints_a_control_character_in_a_file_name_escaped(sound: Path) -> None:
    """A file name holding a terminal escape (clear screen) cannot rewrite the trainer's screen."""
    (sound / "quizzes/x\x1b[2J.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    run = subprocess.run([str(INFOSHARE), "validate", str(sound)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1
    assert "\x1b" not in run.stdout
    assert "quizzes/x\\x1b[2J.yaml:2:1: YAML syntax error" in run.stdout
