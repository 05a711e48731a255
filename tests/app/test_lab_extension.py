"""The JupyterLab preview's setup (`infoshare lab`), without starting JupyterLab.

Voila renders the page template in a task whose failure it never reports: a filter the template
uses that a server does not register leaves the page empty for ever (the lab preview after the
hardening merge). These tests compile the template with what each server registers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from traitlets.config import Config
from voila.exporter import VoilaExporter
from voila.paths import collect_template_paths

from infoshare_widgets.app import lab, voila_app
from infoshare_widgets.app.serve import PACKAGE_DIR, TEMPLATE_NAME, TEMPLATE_ROOT

TEMPLATE = TEMPLATE_ROOT / "voila" / "templates" / TEMPLATE_NAME


def compiled_page_template(config: Config, monkeypatch: pytest.MonkeyPatch) -> object:
    """The page template as Voila's exporter compiles it (an unknown filter fails here)."""
    monkeypatch.setenv("JUPYTER_PATH", str(TEMPLATE_ROOT))  # as serve.kernel_environment sets
    paths = [*collect_template_paths(["voila", "nbconvert"], TEMPLATE_NAME), str(PACKAGE_DIR)]
    exporter = VoilaExporter(template_paths=paths, template_name=TEMPLATE_NAME, config=config)
    return exporter.template


def test_the_lab_preview_compiles_our_page_template(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config()
    lab.configure_voila(config)
    assert config.VoilaConfiguration.template == TEMPLATE_NAME
    template = compiled_page_template(config, monkeypatch)
    assert Path(template.filename).parent == TEMPLATE  # type: ignore[attr-defined]


def test_both_servers_register_every_filter_the_templates_use() -> None:
    used = {name for path in TEMPLATE.iterdir() if path.is_file()
            for name in re.findall(r"\|\s*(infoshare_\w+)", path.read_text("utf-8"))}
    assert used == {"infoshare_page", "infoshare_server", "infoshare_clean_html"}
    assert set(lab.FILTERS) == used and set(voila_app.FILTERS) == used


def test_the_lab_preview_does_not_check_liveness() -> None:
    # JupyterLab has no /infoshare/alive/ route: a check would call the page lost.
    assert lab.lab_server_info()["alive_ms"] == 0
    assert voila_app.server_info()["alive_ms"] > 0
    script = (TEMPLATE / "index.html.j2").read_text("utf-8")
    assert "if (every === 0) { return; }" in script
