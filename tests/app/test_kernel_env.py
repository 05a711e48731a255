"""A kernel's environment keeps only the ``INFOSHARE_*`` variables a page reads
(``app/kernel_env.py``); the running server's kernels are checked in ``test_author_sso.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _served import run_apart

from infoshare_widgets.app.kernel_env import KERNEL_VARIABLES, KernelEnvironment, kernel_only
from infoshare_widgets.app.kernels import InfoshareKernelManager
from infoshare_widgets.facilitator.model import MINUTE_ENV

SERVER_ENV = {
    "PATH": "/usr/bin", "JUPYTER_PATH": "/j", "VOILA_PREHEAT": "True",
    "INFOSHARE_CONTENT": "/site/content", "INFOSHARE_DATA_DIR": "/var/lib/infoshare",
    "INFOSHARE_OIDC_ISSUER": "https://id.example", "INFOSHARE_OIDC_CLIENT_ID": "client",
    "INFOSHARE_OIDC_CLIENT_SECRET": "s3cret", "INFOSHARE_OIDC_CLIENT_SECRET_FILE": "/etc/s",
    "INFOSHARE_OIDC_AUTHORS": "email:alice@example.org=publisher",
    "INFOSHARE_AUTHORS_URL": "postgresql://u:p@db/a", "INFOSHARE_AUTHORS_URL_FILE": "/etc/a",
    "INFOSHARE_ROOMS_URL": "postgresql://u:p@db/r", "INFOSHARE_ROOMS_URL_FILE": "/etc/r",
    "INFOSHARE_SITE_URL": "https://training.example.org/", "INFOSHARE_OIDC_FUTURE": "x",
    "INFOSHARE_SNAPSHOT_DIR": "/run/infoshare/snapshots",
}


class Recorded:
    async def start_kernel(self, *args: Any, **kwargs: Any) -> Any:
        return kwargs["env"]


class Manager(KernelEnvironment, Recorded):
    pass


def test_a_kernel_keeps_only_what_a_page_reads() -> None:
    env = kernel_only(SERVER_ENV)
    ours = {k for k in env if k.startswith("INFOSHARE_")}
    # the snapshots' folder too: a kernel reads the content where the server wrote it
    assert ours == {"INFOSHARE_CONTENT", "INFOSHARE_OVERLAY", "INFOSHARE_SNAPSHOT_DIR"}
    assert env["INFOSHARE_SNAPSHOT_DIR"] == "/run/infoshare/snapshots"
    # the published items' folder goes resolved, without the data folder (the authors' database)
    assert env["INFOSHARE_OVERLAY"] == str(Path("/var/lib/infoshare/published").resolve())
    assert env["PATH"] == "/usr/bin" and env["VOILA_PREHEAT"] == "True"  # Voila's own stay
    assert "s3cret" not in repr(env) and "alice@example.org" not in repr(env)
    assert MINUTE_ENV in KERNEL_VARIABLES  # the one a page reads besides content and overlay


def test_every_kernel_the_manager_starts_gets_the_cut_environment(monkeypatch) -> None:
    assert run_apart(lambda: Manager().start_kernel(env=SERVER_ENV)) == kernel_only(SERVER_ENV)
    for name, value in SERVER_ENV.items():
        monkeypatch.setenv(name, value)
    given = run_apart(lambda: Manager().start_kernel())  # no env given: not os.environ as it is
    assert not any(k.startswith("INFOSHARE_OIDC_") for k in given)
    assert "INFOSHARE_DATA_DIR" not in given and "INFOSHARE_AUTHORS_URL" not in given
    mro = InfoshareKernelManager.__mro__
    assert mro.index(KernelEnvironment) < min(i for i, c in enumerate(mro)
                                              if c.__name__ == "AsyncMappingKernelManager")
