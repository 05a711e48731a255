"""Kernels forked from the fork server (:mod:`.fork_server`) instead of started as processes.

A refill used to start ``python -m ipykernel_launcher`` afresh: about 0.8 CPU-s of imports on
a 2-core machine while browsers load pages. :func:`start_zygote` (called once by the Voila
server) starts the zygote with one end of a socket pair and makes :class:`ForkProvisioner` the
server's provisioner (jupyter_client's documented way: an entry point, named by
``KernelProvisionerFactory.default_provisioner_name``). It asks the zygote to fork a kernel and
watches the child through :class:`ForkedProcess`. Only a pool's kernels are forked (the
refill, the cost that lands on other visitors' pages): a visitor's own kernel (an empty pool,
an author's preview) starts as a process, so that its environment, which carries the visit,
is also what ``/proc/<pid>/environ`` shows (a forked kernel shows the zygote's). A zygote
that exits is started again, at most ``RESTARTS`` times; with no zygote, a command it does not
know, or a zygote that failed, a kernel starts as before (``LocalProvisioner``), said once in
the log.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import time
from importlib.metadata import entry_points
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import KernelProvisionerFactory, LocalProvisioner

from .kernel_env import kernel_only
from .kernel_limit import split_limit
from .upstream import voila

log = logging.getLogger(__name__)
LAUNCHER = ["-m", "ipykernel_launcher"]
ENTRY_POINT = "infoshare-fork-provisioner"  # pyproject.toml: jupyter_client.kernel_provisioners
RESTARTS = 3
REPLY_SECONDS = 60.0  # the first reply waits for the zygote's imports
ALLOWED_KWARGS = {"env", "cwd", "kernel_id", "extra_arguments", "kernel_name"}


class Zygote:
    """The server's end of the socket pair: one request, one reply, in turn."""

    def __init__(self, env: dict[str, str]) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        command = [sys.executable, "-m", "infoshare_widgets.app.fork_server",
                   str(theirs.fileno())]
        self.process = subprocess.Popen(command, env=env, pass_fds=(theirs.fileno(),),
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        theirs.close()
        ours.setblocking(False)
        self.socket = ours
        self.lock = asyncio.Lock()
        self.broken: str | None = None

    async def fork(self, request: dict) -> int:
        if self.broken:
            raise OSError(self.broken)
        loop = asyncio.get_running_loop()
        async with self.lock:
            try:
                await loop.sock_sendall(self.socket, json.dumps(request).encode())
                reply = await asyncio.wait_for(loop.sock_recv(self.socket, 1 << 16), REPLY_SECONDS)
            except OSError as error:  # TimeoutError too
                self.broken = f"no reply ({type(error).__name__})"  # replies out of step now
                raise OSError(self.broken) from error
        if not reply:
            self.broken = f"it exited ({self.process.poll()})"
            raise OSError(self.broken)
        answer = json.loads(reply)
        if "pid" not in answer:
            raise OSError(answer.get("error", "no pid"))
        return int(answer["pid"])


_zygote: Zygote | None = None
_restarts = 0
_said: set[str] = set()


def start_zygote(app: Any) -> None:
    """Start this server's zygote (its environment: the kernels', without our secrets) and
    make its provisioner the server's default, unless the deployment's config names another.

    The factory is a singleton, made when Voila first read a kernel spec: its trait is set on
    the instance, which the app's config made."""
    global _zygote
    if _zygote is not None or not hasattr(os, "fork"):
        return
    if not entry_points(group="jupyter_client.kernel_provisioners", name=ENTRY_POINT):
        say_once(f"the {ENTRY_POINT} entry point is not installed")
        return
    _zygote = Zygote(kernel_only(os.environ))
    if "default_provisioner_name" not in app.config.KernelProvisionerFactory:
        KernelProvisionerFactory.instance(parent=app).default_provisioner_name = ENTRY_POINT


def running_zygote() -> Zygote | None:
    """The zygote, started again if it exited (at most RESTARTS times in a server's life)."""
    global _zygote, _restarts
    if _zygote and _zygote.process.poll() is not None and _restarts < RESTARTS:
        _restarts += 1
        log.warning("the fork server exited (%s); starting it again", _zygote.process.returncode)
        _zygote.socket.close()
        _zygote = Zygote(kernel_only(os.environ))
    return _zygote


def say_once(reason: str) -> None:
    if reason not in _said:
        _said.add(reason)
        log.warning("kernels start as processes, not forked: %s", reason)


class ForkedProcess:
    """What jupyter_client uses of a ``Popen``, for a kernel forked by the zygote (not our
    child: its exit status is not ours to read, so an ended kernel reports 0)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd: int | None = os.pidfd_open(pid)  # signals never reach a reused pid
        except (AttributeError, OSError):
            self._fd = None

    def poll(self) -> int | None:
        if self.returncode is None and self._gone():
            self.returncode = 0
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
        return self.returncode

    def _gone(self) -> bool:
        if self._fd is not None:
            poller = select.poll()  # not select(): a server's descriptors pass 1024
            poller.register(self._fd, select.POLLIN)
            return bool(poller.poll(0))
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        return False

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.05)
        return 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is not None:
            raise ProcessLookupError(self.pid)
        if self._fd is not None:
            signal.pidfd_send_signal(self._fd, signum)
        else:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def fork_request(cmd: list[str], kwargs: dict[str, Any]) -> dict | None:
    """What the zygote needs to fork the kernel `cmd` would start; None if it cannot."""
    limit, cmd = split_limit(cmd)
    if cmd[:1] != [sys.executable] or cmd[1:3] != LAUNCHER or set(kwargs) - ALLOWED_KWARGS:
        return None
    spec = importlib.util.find_spec("ipykernel_launcher")
    return {"argv": [spec.origin if spec else "ipykernel_launcher", *cmd[3:]],
            "env": dict(kwargs.get("env") or os.environ), "limit": limit,
            "cwd": str(kwargs.get("cwd") or os.getcwd()), "cmdline": cmd}


class ForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """LocalProvisioner whose launch asks the zygote to fork the kernel."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        if not voila.is_pool_refill(kwargs):
            return await super().launch_kernel(cmd, **kwargs)
        request = fork_request(cmd, kwargs)
        zygote = running_zygote()
        if zygote is None or request is None:
            say_once("no fork server" if zygote is None else "a kernel command it does not know")
            return await super().launch_kernel(cmd, **kwargs)
        try:
            pid = await zygote.fork(request)
        except OSError as error:
            say_once(f"the fork server failed: {error}")
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid  # the child called setsid: its own process group
        self.cwd = request["cwd"]
        return self.connection_info
