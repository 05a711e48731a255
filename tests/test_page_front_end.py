"""The page's front end (``infoshare_widgets/app/front_end/``), checked without a browser: the
committed bundle is what its source builds to, it speaks the widget protocol of the Python side,
and the page template loads it and not Voila's JupyterLab front end. The browser tests check what
it draws (every page settles, every widget drawn: tests/app/_app_support.py).

Skipped only when Node is not installed; ``make test-fast`` and ``make test`` install esbuild.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import anywidget
import pytest
from ipywidgets import _version as widget_protocol

from infoshare_widgets import frontend

ROOT = Path(__file__).resolve().parents[1]
FRONT_END = ROOT / "infoshare_widgets" / "app" / "front_end"
TEMPLATE = ROOT / "infoshare_widgets/app/share/jupyter/voila/templates/infoshare"
BUILT = ("page.js", "page.css")
NODE = shutil.which("node")
LOCK = json.loads((ROOT / "package-lock.json").read_text("utf-8"))


def locked(name: str) -> str:
    return LOCK["packages"][f"node_modules/{name}"]["version"]


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed (apt-get install nodejs): "
                    "the page's front end is not rebuilt")
def test_the_committed_bundle_is_what_the_source_builds(tmp_path: Path) -> None:
    built = subprocess.run([NODE, str(FRONT_END / "build.mjs"), str(tmp_path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120, check=False)
    assert built.returncode == 0, built.stderr
    for name in BUILT:
        assert (tmp_path / name).read_bytes() == (TEMPLATE / "static" / name).read_bytes(), (
            f"static/{name} is not what app/front_end/ builds to: run `make front-end` and commit")


def test_the_bundle_speaks_the_python_sides_widget_protocol() -> None:
    """The kernel names each model's module and version; the bundle must have that version's
    classes (anywidget's exactly; ipywidgets' base and controls by their protocol version)."""
    assert locked("anywidget") == anywidget.__version__
    for package, constant, python in (
            ("base", "JUPYTER_WIDGETS_VERSION", widget_protocol.__jupyter_widgets_base_version__),
            ("controls", "JUPYTER_CONTROLS_VERSION",
             widget_protocol.__jupyter_widgets_controls_version__)):
        source = (ROOT / "node_modules" / "@jupyter-widgets" / package / "lib" / "version.js")
        if not source.exists():
            pytest.skip("node_modules is not installed (make node-tools)")
        found = re.search(rf"{constant} = '([^']+)'", source.read_text("utf-8"))
        assert found and found.group(1) == python, (package, found and found.group(1), python)


def test_the_page_loads_the_bundle_and_not_voilas_front_end() -> None:
    page = (TEMPLATE / "index.html.j2").read_text("utf-8")
    assert 'resources.include_js("static/page.js")' in page
    assert 'resources.include_css("static/page.css")' in page
    assert "voila_setup_labextensions" not in page  # Voila's main.js and its extensions
    # nor Voila's voila-style.js: Font Awesome and JupyterLab's styles again (343 KB of script
    # that held up the page's first paint; index.css has the rules the page uses)
    assert "voila-style.js\")" not in page
    # nor JupyterLab's index.css (235 KB, 965 rules): the rules the page uses are lab_rules.css
    assert 'include_css("static/index.css")' not in page and '{% include "lab_rules.css" %}' in page
    for name in BUILT:
        assert (TEMPLATE / "static" / name).stat().st_size > 10_000


def test_a_place_that_cannot_be_drawn_says_what_a_failed_widget_says() -> None:
    """The same fallback words as the widgets' loader, when the page gives none."""
    main = (FRONT_END / "main.js").read_text("utf-8")
    assert f'const FAILED_TEXT = "{frontend.FAILED_TEXT}";' in main
    assert "dataset.isPartFailed || FAILED_TEXT" in main
