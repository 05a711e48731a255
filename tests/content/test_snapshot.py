"""Content snapshots (`content/snapshot.py`): a kernel reads validated content, not the YAML.

Read per visit still: an edited file is a new state and so a new load; a bad file still gives
its card; a snapshot is read only from a folder private to this user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _content_support import QUIZ

from infoshare_widgets.content import cache, load_content, snapshot
from infoshare_widgets.content.loaded import Content


def _fresh(root: Path) -> Content:
    """What another process (a kernel) gets: nothing in memory, the snapshot on disk."""
    cache._cache.clear()
    return cache.current_content(root, None)


def test_a_kernel_reads_what_the_server_loaded(sound: Path, snapshots: Path) -> None:
    loaded = cache.current_content(sound, None)
    [written] = snapshots.glob("*.pickle")
    assert oct(snapshots.stat().st_mode & 0o777) == "0o700"
    read = _fresh(sound)
    assert read is not loaded
    for name in ("sections", "topics", "quizzes", "case_studies", "ui", "problems", "declared"):
        assert getattr(read, name) == getattr(loaded, name), name
    # origins are keyed by id(): they follow the items across the copy
    assert read.origin(read.quizzes[0]) == loaded.origin(loaded.quizzes[0])
    assert read.origin(read.quizzes[0])[0] == sound / "quizzes/sample.yaml"
    assert list(snapshots.glob("*.pickle")) == [written]  # read, not written again


def test_an_edited_file_is_read_on_the_next_load(sound: Path, snapshots: Path) -> None:
    cache.current_content(sound, None)
    path = sound / "quizzes/sample.yaml"
    path.write_text(QUIZ.replace("A sample quiz", "Edited since"), encoding="utf-8")
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))
    assert _fresh(sound).quizzes[0].title == "Edited since"
    assert len(list(snapshots.glob("*.pickle"))) == 2


def test_a_bad_file_still_gives_its_card_from_a_snapshot(sound: Path, snapshots: Path) -> None:
    path = sound / "quizzes/broken.yaml"
    path.write_text("id: broken\nsection: adults\ntitle: Quiz: consent\n", encoding="utf-8")
    loaded = cache.current_content(sound, None)
    read = _fresh(sound)
    assert read.broken_items("quizzes", section="adults") == \
        loaded.broken_items("quizzes", section="adults")
    assert read.broken_items("quizzes", section="adults")[0].problems
    assert [q.id for q in read.quizzes] == ["sample"]  # the sound quiz still shows


@pytest.mark.parametrize("mode", [0o755, 0o770])
def test_a_folder_others_can_enter_is_not_used(sound: Path, snapshots: Path, mode: int) -> None:
    cache.current_content(sound, None)
    [written] = snapshots.glob("*.pickle")
    os.chmod(snapshots, mode)
    assert snapshot.read(written.stem) is None
    before = written.stat().st_mtime_ns
    _fresh(sound)  # loaded from the files; nothing written into a folder that is not private
    assert written.stat().st_mtime_ns == before


def test_a_damaged_snapshot_is_loaded_from_the_files(sound: Path, snapshots: Path) -> None:
    cache.current_content(sound, None)
    [written] = snapshots.glob("*.pickle")
    written.write_bytes(b"not a pickle")
    assert _fresh(sound).quizzes[0].title == "A sample quiz"


def test_a_snapshot_names_the_code_too(sound: Path) -> None:
    signature = cache.content_signature(sound)
    assert snapshot.key(sound, None, signature) == snapshot.key(sound, None, signature)
    assert snapshot.key(sound, None, signature) != snapshot.key(sound, sound, signature)
    assert snapshot.key(sound, None, signature) != snapshot.key(sound, None, signature[1:])


KERNEL = """
import json, sys
code = [''.join(c["source"]) for c in json.load(open(sys.argv[1]))["cells"]
        if c["cell_type"] == "code"]
exec(code[0])  # the import and open_page: the visit, the content, the preloaded parts
opened = sorted(sys.modules)
for cell in code[1:]:
    exec(cell)
from infoshare_widgets.content import models
built = sorted(n for n, v in vars(models).items()
               if isinstance(v, type) and getattr(v, "__pydantic_complete__", False))
print(json.dumps({"modules": sorted(sys.modules), "opened": opened, "built": built}))
"""
NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_a_page_kernel_reads_no_yaml_and_builds_no_validator(
        tmp_path: Path, notebook: Path) -> None:
    """With the server's snapshot there, a page's kernel (every cell of its notebook) never
    imports the YAML reader, the loader or its checks, and never builds a content model's
    validator or serializer."""
    env = {**os.environ, snapshot.FOLDER_VARIABLE: str(tmp_path / "snapshots"),
           "INFOSHARE_DATA_DIR": str(tmp_path / "data"), "VOILA_PREHEAT": "False"}
    server = "from infoshare_widgets.content.cache import current_content; current_content()"
    subprocess.run([sys.executable, "-c", server], env=env, check=True, timeout=120)
    out = subprocess.run([sys.executable, "-c", KERNEL, str(notebook)], env=env, check=True,
                         timeout=120, capture_output=True, text=True,
                         cwd=notebook.parent).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    for heavy in ("yaml", "infoshare_widgets.content.loader", "infoshare_widgets.content.checks",
                  "infoshare_widgets.content.pydantic_errors"):
        assert heavy not in seen["modules"], heavy
    assert seen["built"] == []
    # every text the page shows was rendered by the server: no Markdown renderer in the kernel
    # (the golden rules' check questions are composed from two texts, so rendered here)
    if notebook.stem not in ("02-children", "03-adults"):
        assert "markdown_it" not in seen["modules"]
    # the components preloaded before the visit are the ones the learner's page uses
    from infoshare_widgets.pages.opening import COMPONENT_MODULES
    preloaded = {m for m in COMPONENT_MODULES if m in seen["opened"]}
    used = {m for m in COMPONENT_MODULES if m in seen["modules"]}
    assert preloaded == used


def test_progress_keys_are_what_pydantic_would_dump() -> None:
    """`progress_format.dump` reads fields itself; the keys stored in browsers must not move."""
    from infoshare_widgets.content import models
    from infoshare_widgets.golden_rules.model import check_quiz
    from infoshare_widgets.golden_rules.view import rules_wording
    from infoshare_widgets.ui.progress_format import dump

    content = load_content()
    items: list = [q for quiz in content.quizzes for q in quiz.questions]
    items += [s for s in content.scenarios.scenarios] if content.scenarios else []
    items += [q for case in content.case_studies for q in case.questions]
    for rules in content.golden_rules:
        check = check_quiz(rules, rules_wording(content))  # constructed, not validated:
        assert check is not None  # it must be what validating the same data gives
        assert models.Quiz.model_validate(check.model_dump()) == check
        items += list(check.questions)
    assert len(items) > 20
    for item in items:
        assert dump(item) == item.model_dump(mode="json")
