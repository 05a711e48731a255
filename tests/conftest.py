"""What tests in more than one folder share: a real PostgreSQL from Debian's packages, started on
loopback in a temporary folder on a free port (as root, it runs as the ``postgres`` user, which
Debian's package creates). The room stores' tests (tests/room_store) and the rooms shared by servers
behind nginx (tests/app) use it. Without it those cases skip and say what to install (``make
test`` installs it when run as root on Debian).

It is also where the two tiers are made (tests/_tiers.py): the `server` and `browser` marks from
the fixtures a test uses, the per-test timeout, and one process for each special server."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import _tiers
import pytest
from _chromium import CHROMIUM_ARGS

import infoshare_widgets.app  # noqa: F401 - before jsonschema: app/jsonschema_iri.py

INSTALL = ("PostgreSQL is needed for the shared-store tests: install Debian's `postgresql` "
           "package (sudo apt-get install -y postgresql), or run `make test` as root")


def pytest_configure(config: pytest.Config) -> None:
    # A plugin, not hooks of this conftest: a conftest's hooks only see its own folder, and a
    # session fixture (a server) is set up for the session, outside it.
    config.pluginmanager.register(_tiers, "infoshare-tiers")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session: its URL."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip(INSTALL)
    # Not under pytest's temporary folder: that is private to the user running the tests.
    root = Path(tempfile.mkdtemp(prefix="infoshare-pg-"))
    user: dict = {}
    if os.geteuid() == 0:  # initdb refuses root: run the server as Debian's postgres user
        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip(INSTALL)
        shutil.chown(root, entry.pw_uid, entry.pw_gid)
        user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": [], "cwd": root}
    data, port = root / "data", _free_port()
    subprocess.run([bin_dir / "initdb", "-D", data, "-A", "trust", "-U", "infoshare",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True, **user)
    options = f"-F -p {port} -k {root} -c listen_addresses=127.0.0.1"
    subprocess.run([bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w",
                    "start"], check=True, capture_output=True, **user)
    try:
        yield f"postgresql://infoshare@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                       capture_output=True, **user)
        shutil.rmtree(root, ignore_errors=True)


# --- the browser: Debian's Chromium, for tests/app and tests/frontend ---------------------------



def chromium_path() -> str:
    return os.environ.get("INFOSHARE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless. Fails (never skips) when it is not installed."""
    path = chromium_path()
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium is needed for the browser tests and was not found at {path}. Install it "
            "with `sudo apt-get install -y chromium` (or run `make chromium`), or set "
            "INFOSHARE_CHROMIUM to its path.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(autouse=True)
def learners_error_cards() -> Iterator[None]:
    """Every test starts with learners' short error cards: a page opened in facilitator mode
    sets the kernel-wide `explain_problems` (as a kernel serves one visit), which would leak
    into the next test in the same worker (the lawful-basis view's card tests)."""
    yield
    card = sys.modules.get("infoshare_widgets.ui.error_card")
    if card is not None:
        card.explain_problems(False)
