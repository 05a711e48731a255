"""The servers the benchmarks compare, started on 127.0.0.1 and stopped after.

Ours is started with `serve.voila_command` (what `infoshare serve` runs). The bare page is plain
`voila` with its default settings on a one-widget notebook (a button that says it was pressed):
stock Voila, the stack's floor.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.content import snapshot

BARE_NAME = "bare"
BARE_SOURCE = """import ipywidgets as widgets

button = widgets.Button(description="Check")
button.on_click(lambda b: setattr(b, "description", "Checked"))
button"""


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def page(self, notebook: str) -> str:
        return f"{self.url}/voila/render/{notebook}.ipynb"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bare_notebook(folder: Path) -> Path:
    """The one-widget notebook, written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{BARE_NAME}.ipynb"
    path.write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "w", "metadata": {},
                   "outputs": [], "source": BARE_SOURCE}],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5}))
    return path


def _wait(server: Server, ready: re.Pattern[str] | None, pools: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited:\n{server.log.read_text()[-3000:]}")
        text = server.log.read_text(errors="replace")
        if ready is None or len(ready.findall(text)) >= pools:
            try:
                urllib.request.urlopen(server.url + "/voila/static/voila.js", timeout=5)
                return
            except OSError:
                pass
        time.sleep(0.5)
    raise RuntimeError(f"server not ready in {timeout}s:\n{server.log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextmanager
def ours(settings: ServerSettings, log: Path, timeout: float = 600) -> Iterator[Server]:
    """Our server; yields once every pool is full. Its content snapshots (`content/snapshot.py`)
    are its own, beside its log: in the shared default folder, other processes' snapshots (a
    test run) pushed it out and its kernels loaded the YAML themselves, heavier and slower."""
    command, env = voila_command(settings)
    env[snapshot.FOLDER_VARIABLE] = str(log.with_suffix(".snapshots"))
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Server(f"http://127.0.0.1:{settings.port}", process, log)
    try:
        notebooks = len(list(Path(settings.notebooks).glob("*.ipynb")))
        _wait(server, re.compile(r"Kernel pool of \S+ is filled"), notebooks, timeout)
        yield server
    finally:
        stop(process)


@contextmanager
def bare(folder: Path, log: Path, timeout: float = 120) -> Iterator[Server]:
    """Plain `voila` with default settings on the one-widget notebook."""
    notebook = bare_notebook(folder)
    port = free_port()
    command = [sys.executable, "-m", "voila", str(notebook), f"--port={port}", "--no-browser",
               "--Voila.ip=127.0.0.1"]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True, cwd=folder)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait(server, None, 0, timeout)
        yield server
    finally:
        stop(process)
