"""`infoshare serve`: the one Voila command line, used by the CLI and by the browser tests.

Every setting that makes the app safe and fast is here, in one function
(:func:`voila_command`), so the tests start exactly the server that ships:

- sources stripped, tracebacks hidden, Markdown sanitised, and Voila's refusal of
  ``execute_request`` left as it is: a visitor can use the widgets and nothing else;
- the template and theme cannot be switched from the URL;
- kernels preheated in a pool per page; a cell timeout with interrupt for every cell except the
  one that waits for the visitor (an interrupt there would kill the pooled kernel waiting for
  its visitor), so a cell that never answers becomes an error card, not an endless spinner;
- idle kernels of closed pages culled, so memory does not grow with every visit;
- the kernel environment cut down to what Python needs, so no secret of the shell that started
  the server reaches a kernel;
- limits, so one visitor cannot take the machine: kernels in total and per address (sized from
  the machine's memory by default), a memory limit per kernel, a page's kernel ended when its
  browser does not connect within seconds, a liveness check that ends the kernel of a page that
  has gone, a maximum websocket message and message rate, a cap on widgets made from the
  browser, and widget updates not echoed to other connections.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..content import default_content_dir
from ..content.overlay import OFF, OVERLAY_VARIABLE, default_overlay_dir
from .deploy_env import normal_base_url
from .kernel_capacity import default_max_kernels
from .learner_capacity import memory_warning, room_settings

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATE_ROOT = Path(__file__).resolve().parent / "share" / "jupyter"
TEMPLATE_NAME = "infoshare"
DEFAULT_NOTEBOOKS = PACKAGE_DIR.parent / "notebooks"

# Pages most visitors open first get more preheated kernels. Each idle kernel holds ~60 MB.
DEFAULT_POOL_SIZES: Mapping[str, int] = {"00-start.ipynb": 2}
# The author's preview page (app/author/preview_gate.py) never has a preheated kernel: each
# preview starts its own, which no learner's page shares, and it ends with that page.
AUTHOR_PREVIEW_POOL = {"author/preview.ipynb": 0}

# What a kernel may inherit from the shell that started the server.
ENV_ALLOWED = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TEMP",
               "TMP", "SYSTEMROOT", "VIRTUAL_ENV", "PYTHONPATH", "SHELL", "TERM")
ENV_ALLOWED_PREFIXES = ("LC_", "XDG_", "JUPYTER_", "INFOSHARE_")


@dataclass(frozen=True)
class ServerSettings:
    """Everything that differs between `make serve` and the test server."""

    content: Path = field(default_factory=default_content_dir)
    notebooks: Path = DEFAULT_NOTEBOOKS
    port: int = 8866
    ip: str = "127.0.0.1"
    open_browser: bool = False
    default_pool_size: int = 1
    pool_sizes: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_POOL_SIZES))
    cull_idle_timeout: int = 180
    cull_interval: int = 30
    cell_timeout: int = 60
    log_level: str = "INFO"
    max_kernels: int | None = None  # None: sized from the machine's memory (kernel_capacity.py)
    max_pages_per_client: int = 12
    kernel_memory_mb: int = 1024
    liveness_timeout: int = 180  # a hidden tab answers about once a minute
    connect_timeout: float = 20.0  # a page sent, no websocket connected after this: kernel ends
    alive_interval: int = 15
    max_message_kb: int = 256
    message_rate: float = 20.0  # a page's socket: messages a second, and at once, then closed
    message_burst: int = 200
    max_browser_widgets: int = 4
    allowed_hosts: tuple[str, ...] = ()
    # Deployment: a path prefix, proxies whose X-Forwarded-For is believed, who may
    # read /metrics besides this machine, and how long a SIGTERM lets open pages finish.
    base_url: str = "/"
    trusted_proxies: tuple[str, ...] = ()
    metrics_from: tuple[str, ...] = ()
    drain_seconds: float = 30.0
    room: int = 0  # learners opening a page together: pools and limits for them (room.py)
    authoring: bool = False  # the author area at author/ (app/author/)
    organisation: str = ""  # the site's data controller, and its privacy notice (privacy_notice.py)
    privacy_notice_url: str = ""

    def total_pool(self) -> int:
        """Kernels the pools keep waiting, over every notebook served."""
        names = {p.name for p in Path(self.notebooks).glob("*.ipynb")}
        return sum(self.pool_sizes.get(name, self.default_pool_size) for name in names)

    def kernel_limit(self) -> int:
        if self.max_kernels is not None:
            return self.max_kernels
        return default_max_kernels(self.total_pool(), self.kernel_memory_mb)


def kernel_environment(base: Mapping[str, str], settings: ServerSettings) -> dict[str, str]:
    """The server's (and so every kernel's) environment: an allowlist, plus our own paths."""
    env = {k: v for k, v in base.items()
           if k in ENV_ALLOWED or k.startswith(ENV_ALLOWED_PREFIXES)}
    env["INFOSHARE_CONTENT"] = str(Path(settings.content).resolve())
    # the published items, resolved here: a kernel's working folder is not the server's
    env[OVERLAY_VARIABLE] = str(default_overlay_dir(base) or OFF)
    jupyter_path = [str(TEMPLATE_ROOT)]
    if base.get("JUPYTER_PATH"):
        jupyter_path.append(base["JUPYTER_PATH"])
    env["JUPYTER_PATH"] = os.pathsep.join(jupyter_path)
    env["PYTHONUNBUFFERED"] = "1"
    # ipywidgets echoes a browser's state update to every other connection of the kernel: off.
    env["JUPYTER_WIDGETS_ECHO"] = "0"
    return env


def voila_command(settings: ServerSettings,
                  base_env: Mapping[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """The command and environment that start the app's Voila server."""
    pools = {"default": settings.default_pool_size, **settings.pool_sizes, **AUTHOR_PREVIEW_POOL}
    command = [
        sys.executable, "-m", "infoshare_widgets.app.voila_app",
        str(Path(settings.notebooks).resolve()),
        f"--port={settings.port}",
        f"--Voila.ip={settings.ip}",
        f"--Voila.base_url={normal_base_url(settings.base_url)}",
        "--Voila.port_retries=0",
        f"--Voila.open_browser={settings.open_browser}",
        f"--Voila.log_level={settings.log_level}",
        # the look: our template, which the URL cannot switch
        f"--template={TEMPLATE_NAME}",
        "--theme=light",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        # no code from the browser, no code shown, nothing unsanitised
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--VoilaExporter.sanitize_html=True",
        # fast: preheated kernels, a pool per page; never hung: a timeout on every cell but the
        # one that waits for the visit (see module docstring)
        "--preheat_kernel=True",
        f"--pool_size={settings.default_pool_size}",
        *(f"--InfoshareVoila.pool_sizes={name}={size}" for name, size in pools.items()),
        f"--InfoshareVoila.cell_timeout={settings.cell_timeout}",
        # memory: kernels of closed pages are shut down once idle (never before the visitor's
        # browser has connected: see voila_app.InfoshareKernelManager)
        "--VoilaConfiguration.multi_kernel_manager_class="
        "infoshare_widgets.app.kernels.InfoshareKernelManager",
        f"--MappingKernelManager.cull_idle_timeout={settings.cull_idle_timeout}",
        f"--MappingKernelManager.cull_interval={settings.cull_interval}",
        "--MappingKernelManager.cull_connected=False",
        "--MappingKernelManager.cull_busy=False",
        # a visitor's kernel that dies is not restarted blank: its page says it lost its
        # connection (the template's liveness script)
        "--KernelManager.autorestart=False",
        # kernels talk to the server over Unix sockets beside their connection file, not TCP
        # ports: a port picked as free can be taken by another process before the kernel binds
        # it (measured: a kernel died at start, "Address already in use", its page broken,
        # with three servers starting kernels at once)
        "--KernelManager.transport=ipc",
        # limits: one visitor cannot take the machine (see module docstring)
        f"--InfoshareVoila.max_kernels={settings.kernel_limit()}",
        f"--InfoshareVoila.max_pages_per_client={settings.max_pages_per_client}",
        f"--LimitedKernelManager.memory_limit_mb={settings.kernel_memory_mb}",
        f"--InfoshareKernelManager.liveness_timeout={settings.liveness_timeout}",
        f"--InfoshareKernelManager.connect_timeout={settings.connect_timeout:g}",
        f"--InfoshareVoila.alive_interval={settings.alive_interval}",
        f"--InfoshareVoila.max_message_kb={settings.max_message_kb}",
        f"--InfoshareVoila.message_rate={settings.message_rate:g}",
        f"--InfoshareVoila.message_burst={settings.message_burst}",
        f"--InfoshareKernelManager.max_browser_widgets={settings.max_browser_widgets}",
        *(f"--InfoshareVoila.allowed_hosts={host}" for host in settings.allowed_hosts),
        *(f"--InfoshareVoila.trusted_proxies={net}" for net in settings.trusted_proxies),
        *(f"--InfoshareVoila.metrics_from={net}" for net in settings.metrics_from),
        f"--InfoshareVoila.drain_seconds={settings.drain_seconds:g}",
        # a room (room.py): pools refilled after the pages being served (refill.py)
        *(["--InfoshareKernelManager.refill_concurrency=2"] if settings.room > 0 else []),
        *(["--InfoshareVoila.authoring=True"] if settings.authoring else []),
        *([f"--InfoshareVoila.organisation={settings.organisation}"]
          if settings.organisation else []),
        *([f"--InfoshareVoila.privacy_notice_url={settings.privacy_notice_url}"]
          if settings.privacy_notice_url else []),
    ]
    env = kernel_environment(os.environ if base_env is None else base_env, settings)
    return command, env


ROOT_WARNING = ("infoshare: warning: running as root. Run the server as an ordinary user: a "
                "kernel that went wrong would have the run of the machine (see README).")


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def serve(content: Path | None = None, port: int | None = None, open_browser: bool = True,
          **limits: object) -> int:
    """Serve the app until interrupted; the exit code of the server.

    `limits` are ServerSettings fields (max_kernels, max_pages_per_client, allowed_hosts, ...).
    """
    settings = ServerSettings(
        content=Path(content).expanduser().resolve() if content else default_content_dir(),
        port=port or 8866, open_browser=open_browser,
        **{k: v for k, v in limits.items() if v is not None})  # type: ignore[arg-type]
    if not Path(settings.content).is_dir():
        print(f"infoshare: content folder not found: {settings.content}", file=sys.stderr)
        return 2
    if running_as_root():
        print(ROOT_WARNING, file=sys.stderr)
    settings = room_settings(settings)
    warning = memory_warning(settings)
    if warning:
        print(warning, file=sys.stderr)
    command, env = voila_command(settings)
    print(f"Serving the training at http://{settings.ip}:{settings.port}"
          f"{normal_base_url(settings.base_url)} "
          f"(content: {settings.content}). Press Ctrl+C to stop.", file=sys.stderr)
    process = subprocess.Popen(command, env=env)
    # A SIGTERM to `infoshare serve` stops the server too (it shuts its kernels down on SIGTERM).
    previous = signal.signal(signal.SIGTERM, lambda *_: process.send_signal(signal.SIGTERM))
    try:
        return process.wait()
    except KeyboardInterrupt:
        # Ctrl+C reached the server too; make sure it stops, and give it time to stop its kernels.
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
