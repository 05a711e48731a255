"""`make lab`: JupyterLab on loopback whose Voila preview draws a page with our template and the
trainer's edited content (in Chromium: the notebook's "Render with Voilà" button, then the
preview's frame).

JupyterLab runs on a copy of the project (content and notebooks: it saves the notebooks it
opens) with Jupyter folders of its own, so no workspace of this machine reopens an earlier
preview (its "Untrusted notebook" dialog then covered the toolbar) and nothing is written to them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from _app_support import free_port, stop
from nbformat.sign import NotebookNotary
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from infoshare_widgets.app.lab import lab_command
from infoshare_widgets.app.serve import ServerSettings
from infoshare_widgets.cli import main


def test_the_lab_command_listens_on_loopback_only_with_our_preview_extension() -> None:
    command, env = lab_command(ServerSettings(content=Path("/x"), port=9999), open_browser=False,
                               base_env={"PATH": "/bin", "AWS_SECRET_ACCESS_KEY": "s"})
    assert "--ServerApp.ip=127.0.0.1" in command and "--ServerApp.port_retries=0" in command
    assert "--ServerApp.jpserver_extensions=voila.server_extension=False" in command
    assert "--ServerApp.jpserver_extensions=infoshare_widgets.app.lab=True" in command
    assert env["INFOSHARE_CONTENT"] == "/x" and "AWS_SECRET_ACCESS_KEY" not in env


NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = "05-case-studies.ipynb"
# Upper bound of a step on a busy machine (never a wait: each step returns as soon as it is done).
# Measured alone: JupyterLab up in ~7 s, the preview's title ~7 s after the page opens.
BUSY_MS = 90_000


def trust(notebook: Path, data_dir: Path) -> None:
    """Sign a notebook in this Jupyter's trust database (the trainer's "Render anyway", once)."""
    NotebookNotary(data_dir=str(data_dir)).sign(nbformat.read(notebook, as_version=4))


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """JupyterLab on a copy of the project in which a trainer renamed a case study."""
    root = tmp_path_factory.mktemp("lab")
    content = root / "content"
    assert main(["init-content", str(content)]) == 0
    jessie = content / "case_studies" / "jessie.yaml"
    jessie.write_text(jessie.read_text("utf-8").replace("name: Jessie", "name: Jessie (edited)"),
                      encoding="utf-8")
    shutil.copytree(NOTEBOOKS, root / "notebooks")
    jupyter = {name: root / f"jupyter-{name}" for name in ("runtime", "data", "config")}
    for folder in jupyter.values():
        folder.mkdir()
    trust(root / "notebooks" / NOTEBOOK, jupyter["data"])
    port = free_port()
    command, env = lab_command(ServerSettings(content=content, port=port), open_browser=False,
                               root=root)
    env.update({f"JUPYTER_{name.upper()}_DIR": str(path) for name, path in jupyter.items()})
    log_path = root / "lab.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 180  # an upper bound: JupyterLab took 78 s at load 50
        token = None
        while token is None and time.monotonic() < deadline and process.poll() is None:
            found = re.search(r"/lab\?token=([0-9a-f]+)", log_path.read_text())
            token = found.group(1) if found else None
            time.sleep(0.5)
        assert token, f"JupyterLab did not start:\n{log_path.read_text()[-3000:]}"
        yield f"http://127.0.0.1:{port}/lab/tree/notebooks/{NOTEBOOK}?token={token}", log_path
    finally:
        stop(process)


def test_the_voila_preview_in_jupyterlab_uses_our_template_and_the_edited_content(
        lab: tuple[str, Path], context) -> None:  # type: ignore[no-untyped-def]
    url, log_path = lab
    origin = url.split("/lab/", 1)[0]
    page = context.new_page()
    elsewhere: list[str] = []  # what the preview (a frame) asks of another origin

    def note(request) -> None:  # type: ignore[no-untyped-def]
        if request.frame != page.main_frame and \
                not request.url.startswith((origin, "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", note)

    def within(what: str, step, limit_ms: int = BUSY_MS) -> None:  # type: ignore[no-untyped-def]
        """A step, failing with what it waited for and the end of JupyterLab's log."""
        try:
            step(limit_ms)
        except PlaywrightTimeout:
            pytest.fail(f"{what} not within {limit_ms // 1000} s; JupyterLab's log:\n"
                        f"{log_path.read_text()[-3000:]}")

    within("JupyterLab's page", lambda ms: page.goto(url, wait_until="domcontentloaded",
                                                      timeout=ms))
    button = page.get_by_role("button", name="Render with Voilà")
    within("the notebook's toolbar", lambda ms: button.wait_for(timeout=ms), 180_000)
    # the notebook is trusted: the preview opens without asking
    within("a click on Render with Voilà", lambda ms: button.click(timeout=ms))
    frame = page.frame_locator("iframe").first
    title = frame.locator("h1.is-page-title")
    within("the page title in the preview", lambda ms: title.wait_for(timeout=ms))
    assert title.inner_text() == "Case studies"  # our template's header, from sections.yaml
    frame.locator("h2", has_text="Jessie (edited)").wait_for(timeout=BUSY_MS)
    # The widgets draw: their modules come from the extension's infoshare/static/ route.
    frame.locator(".is-reveal-button").first.wait_for(timeout=BUSY_MS)
    html = frame.locator("html").inner_html()
    assert "is-page-header" in html and "Loading widget" not in frame.locator("body").inner_text()
    assert "open_page" not in html  # sources stripped, as in `infoshare serve`
    # JupyterLab has no liveness route: the page does not check (it would call itself lost)
    assert frame.locator("#is-lost").get_attribute("data-alive-ms") == "0"
    assert elsewhere == []
    log = log_path.read_text()
    assert "Traceback" not in log and "Task exception was never retrieved" not in log
