"""The app started the way the shipped systemd unit starts it (deploy/systemd/infoshare.service):
its ``Environment=`` lines, ``infoshare serve --no-browser`` from its working folder, and a root
file system that is read-only apart from the folders the unit makes writable (``ProtectSystem=
strict``), done with a private mount namespace (``unshare --mount``: root only).

Only ports, the drain and the paths of the writable folders (the state folder, the runtime folder,
the credentials folder) differ from the unit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from _app_support import free_port, stop

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "deploy" / "systemd" / "infoshare.service"
INFOSHARE = Path(sys.executable).with_name("infoshare")
SANDBOX = ("mount --make-rprivate / && mount --bind / / && mount -o remount,bind,ro / && "
           'mount --bind "$1" "$1" && mount -o remount,bind,rw "$1" && shift && cd "$1" && '
           'shift && exec "$@"')


def unit_lines() -> list[tuple[str, str]]:
    """(key, value) of every setting, and of the commented PostgreSQL example's lines."""
    found = []
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        commented = line.startswith("#")
        line = line.lstrip("# ").strip()
        if commented and "ROOMS_URL" not in line and not line.startswith("LoadCredential="):
            continue
        if "=" in line and line.split("=", 1)[0].isalpha():
            key, value = line.split("=", 1)
            found.append((key, value))
    return found


@dataclass
class UnitServer:
    process: subprocess.Popen
    url: str  # ends with the base URL's slash
    log_path: Path
    state: Path  # the state folder (StateDirectory=)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def room(self, path: str, body: object = None, **headers: str) -> tuple[int, dict]:
        """One call to the room API, as the room pages make it."""
        request = urllib.request.Request(
            f"{self.url}room/api/{path}", method="GET" if body is None else "POST",
            data=None if body is None else json.dumps(body).encode(),
            headers={"X-Infoshare-Room": "1", "Content-Type": "application/json",
                     **{k.replace("_", "-"): v for k, v in headers.items()}})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"{}")

    def health(self) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(self.url + "healthz", timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read())


@contextmanager
def unit_server(folder: Path, rooms_url: str | None = None) -> Iterator[UnitServer]:
    """The unit's server (its log in `folder`), SQLite in its state folder (``server.state``),
    or with `rooms_url` PostgreSQL's address in a credential file (the unit's commented
    LoadCredential example)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("a read-only root for the server needs root and unshare (util-linux)")
    # short: kernels' sockets (ipc) go in TMPDIR, and a socket path has at most 107 characters
    writable = Path(tempfile.mkdtemp(prefix="infoshare-unit-"))
    state, runtime, credentials = writable / "state", writable / "run", writable / "credentials"
    for path in (state, runtime, credentials, writable / "tmp"):
        path.mkdir(parents=True)
    settings = unit_lines()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INFOSHARE_", "JUPYTER_"))}
    for key, value in settings:
        if key == "Environment" and (rooms_url or "ROOMS_URL" not in value):
            name, _, value = value.partition("=")
            env[name] = value.replace("%d", str(credentials))
    port = free_port()
    env.update(INFOSHARE_PORT=str(port), INFOSHARE_DRAIN_SECONDS="2", TMPDIR=str(writable / "tmp"))
    for name in ("INFOSHARE_DATA_DIR", "JUPYTER_RUNTIME_DIR", "HOME"):
        env[name] = env[name].replace("/var/lib/infoshare", str(state)).replace(
            "/run/infoshare", str(runtime))
    if rooms_url:
        name = next(v for k, v in settings if k == "LoadCredential").split(":", 1)[0]
        (credentials / name).write_text(rooms_url + "\n", encoding="utf-8")
        (credentials / name).chmod(0o400)
    log_path = folder / "unit.log"
    with log_path.open("w") as log_file:
        process = subprocess.Popen(
            ["unshare", "--mount", "sh", "-c", SANDBOX, "sh", str(writable), str(ROOT),
             str(INFOSHARE), "serve", "--no-browser"],
            env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    server = UnitServer(process, f"http://127.0.0.1:{port}{env['INFOSHARE_BASE_URL']}", log_path,
                        state)
    try:
        deadline = time.monotonic() + 240
        while True:
            assert process.poll() is None, server.log()[-3000:]
            try:
                if server.health()[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, server.log()[-3000:]
            time.sleep(0.5)
        yield server
    finally:
        stop(process, wait=60)
        shutil.rmtree(writable, ignore_errors=True)
