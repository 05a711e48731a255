"""Our browser code, checked without a browser (issue 22): every widget front end parses as an ES
module and links on its own in Node (each name it imports exists), the room pages' scripts parse,
and ESLint (pinned in package-lock.json, ``make node-tools``) finds no undefined name: a helper
used without its ``import`` fails here, not in a learner's page.

Skipped only when Node is not installed; ``make test-fast`` and ``make test`` install ESLint.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from infoshare_widgets import frontend

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node")
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
MODULES = sorted(name for name in frontend.files() if name.endswith(".js"))
# The page's front end (app/front_end/) is ES modules, bundled into the template's static/
# (built code, checked against its source by test_page_front_end.py): not room page scripts.
FRONT_END = ROOT / "infoshare_widgets" / "app" / "front_end"
BUILT = ROOT / "infoshare_widgets" / "app" / "share" / "jupyter" / "voila" / "templates"
SCRIPTS = sorted(p.relative_to(ROOT).as_posix()
                 for p in (ROOT / "infoshare_widgets" / "app").rglob("*.js")
                 if FRONT_END not in p.parents and BUILT not in p.parents)
FRONT_END_MODULES = sorted(p.relative_to(ROOT).as_posix() for p in FRONT_END.glob("*.js"))

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed (apt-get install "
                                "nodejs): the front-end modules are not checked")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, input=stdin, capture_output=True, text=True,
                          timeout=120, check=False)


def test_there_are_modules_and_scripts_to_check() -> None:
    assert {"ui/dom.js", "ui/question.js", "quiz/group.js", "basis_helper/helper.js",
            "decision_record/form.js", "case_builder/form.js", "facilitator/timer.js"} \
        <= set(MODULES)
    assert "infoshare_widgets/app/room/static/host.js" in SCRIPTS
    assert "infoshare_widgets/app/front_end/main.js" in FRONT_END_MODULES


@pytest.mark.parametrize("name", MODULES)
def test_each_widget_front_end_parses_as_an_es_module(name: str) -> None:
    source = (frontend.PACKAGE_DIR / name).read_text("utf-8")
    checked = run(NODE, "--input-type=module", "--check", stdin=source)
    assert checked.returncode == 0, checked.stderr


def test_each_widget_front_end_links_on_its_own() -> None:
    """Importing a module links every ``import { x } from "./dom.js"``: a name dom.js does not
    export fails here. Nothing runs at import but top-level constants (render needs a page)."""
    urls = [(frontend.PACKAGE_DIR / name).as_uri() for name in MODULES]
    script = ("const failed = [];\n"
              f"for (const url of {json.dumps(urls)}) {{\n"
              "  try { await import(url); } catch (error) { failed.push(`${url}: ${error}`); }\n"
              "}\n"
              "if (failed.length) { console.error(failed.join('\\n')); process.exit(1); }\n")
    linked = run(NODE, "--input-type=module", "-e", script)
    assert linked.returncode == 0, linked.stderr


@pytest.mark.parametrize("name", FRONT_END_MODULES)
def test_each_page_front_end_module_parses_as_an_es_module(name: str) -> None:
    checked = run(NODE, "--input-type=module", "--check", stdin=(ROOT / name).read_text("utf-8"))
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_room_page_script_parses(name: str) -> None:
    # A classic script, not a module (package.json's "type" says modules for the widgets).
    checked = run(NODE, "--input-type=commonjs", "--check",
                  stdin=(ROOT / name).read_text("utf-8"))
    assert checked.returncode == 0, checked.stderr


def eslint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    if not ESLINT.exists():
        pytest.fail("ESLint is not installed: run `make node-tools` (npm ci)")
    return run(str(ESLINT), *args, stdin=stdin)


def test_eslint_finds_nothing() -> None:
    result = eslint(".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name, source, rule", [
    # A helper used without its import: what the old prelude allowed.
    ("infoshare_widgets/ui/x.js", 'el("p");\nexport default {};\n', "'el' is not defined"),
    # A plain global helper shared between room scripts is not declared either.
    ("infoshare_widgets/app/room/static/x.js", "helper();\n", "'helper' is not defined"),
])
def test_eslint_refuses_an_undefined_helper(name: str, source: str, rule: str) -> None:
    result = eslint("--stdin", "--stdin-filename", name, stdin=source)
    assert result.returncode == 1 and rule in result.stdout, result.stdout + result.stderr
