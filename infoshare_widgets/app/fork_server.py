"""The fork server ("zygote"): kernels forked from a process that has already imported them.

``python -m infoshare_widgets.app.fork_server FD``, started by the Voila server
(:mod:`.fork_provisioner`) with one end of a socket pair as ``FD``: it imports ipykernel,
ipywidgets, anywidget and our page modules, freezes them (``gc.freeze``, so the children's
collector never writes to those shared pages), then forks one kernel per request. Only the
server holds the other end of the pair; the zygote exits when that end closes (the server
has gone). A request is one JSON message (argv, env, cwd, memory limit, command line to show);
the reply is ``{"pid": N}``. Children are reaped by the kernel (``SIGCHLD`` ignored here).

The child does what a kernel started by ``kernel_limit`` would: a session of its own, the
kernel's folder, environment, memory limit, stdin from /dev/null, Python's signal handlers,
then ipykernel's app, showing the kernel's own command line (``setproctitle``: ``ps``, tools
and benchmarks read it). A kernel ends when the Voila server ends, not when this zygote does:
a zygote that is killed costs the next kernels their head start, not the open pages.
"""

from __future__ import annotations

import gc
import json
import os
import select
import shlex
import signal
import socket
import sys
import threading
import time
import traceback
from pathlib import Path

import setproctitle

from .kernel_limit import set_memory_limit

MAX_MESSAGE = 1 << 20
WATCH_SECONDS = 1.0  # without a pidfd: how often a kernel looks for its server
# By name, not import statements: this process is a kernel's, the one part of app/ that runs
# the kernel side (tests/test_import_rules.py keeps the server's own modules from it).
WARM = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.comm", "ipywidgets",
        "anywidget", "websockets.sync.client", "infoshare_widgets.content.cache")
OPENING = "infoshare_widgets.pages.opening"  # its COMPONENT_MODULES: what a page preloads
SIGNALS = ("SIGINT", "SIGTERM", "SIGCHLD", "SIGPIPE", "SIGXFSZ", "SIGHUP", "SIGQUIT", "SIGUSR1")


def warm() -> None:
    """Import what every kernel imports before its visit (the page's modules: opening.py)."""
    import importlib

    opening = importlib.import_module(OPENING)
    for name in (*WARM, *opening.COMPONENT_MODULES):
        importlib.import_module(name)


class ServerWatch(threading.Thread):
    """Ends this kernel when the Voila server ends (in place of ipykernel's poller, which
    watches the parent process: here the zygote). Through a pidfd; where a seccomp profile
    refuses ``pidfd_open``, by looking for the server every second, as ipykernel's poller does."""

    def __init__(self, server_pid: int) -> None:
        super().__init__(name="server-watch", daemon=True)
        self.server_pid = server_pid
        try:
            self.pidfd: int | None = os.pidfd_open(server_pid)
        except ProcessLookupError:
            raise  # the server has gone: so does this kernel
        except OSError:
            self.pidfd = None

    def run(self) -> None:
        if self.pidfd is not None:
            poller = select.poll()
            poller.register(self.pidfd, select.POLLIN)
            poller.poll()
        else:
            while _alive(self.server_pid):
                time.sleep(WATCH_SECONDS)
        os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:  # gone, or its number now another user's process
        return False
    return True


def become_kernel(server: socket.socket, request: dict, handlers: dict, server_pid: int) -> None:
    """In the forked child: set up as a kernel process would be, then run ipykernel's app."""
    server.close()
    # before the environment changes: setproctitle finds the command line's room through it
    setproctitle.setproctitle(shlex.join(request["cmdline"]))
    os.setsid()
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if request.get("limit"):
        set_memory_limit(int(request["limit"]))
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    watch = ServerWatch(server_pid)
    # ipywidgets registers its comm targets when imported in a kernel, and was imported here
    # before there was one: its extension registers them once the kernel runs. A parent
    # handle keeps ipykernel quiet (no connection details printed); its poller is replaced.
    sys.argv = [*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}",
                "--IPKernelApp.extensions=ipywidgets"]
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(sys.argv[1:])
    app.poller = watch
    app.start()


def fork_one(server: socket.socket, request: dict, handlers: dict, server_pid: int) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        become_kernel(server, request, handlers, server_pid)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve(server: socket.socket, handlers: dict, server_pid: int) -> None:
    while True:
        try:
            message = server.recv(MAX_MESSAGE)
        except InterruptedError:
            continue
        if not message:
            return  # the Voila server has gone
        try:
            reply = {"pid": fork_one(server, json.loads(message), handlers, server_pid)}
        except (OSError, ValueError, KeyError) as error:
            reply = {"error": f"{type(error).__name__}: {error}"}
        server.send(json.dumps(reply).encode())


def main(argv: list[str]) -> None:
    handlers = {getattr(signal, n): signal.getsignal(getattr(signal, n)) for n in SIGNALS}
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the server's; we end with it
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels reaped as they exit
    server = socket.socket(fileno=int(argv[0]))
    server_pid = os.getppid()
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
        del sys.path[0]  # as ipykernel_launcher does
    gc.disable()
    try:
        warm()
    except Exception:
        traceback.print_exc()
        sys.exit("fork server: the kernel's modules did not import; kernels start as processes")
    if threading.active_count() != 1:
        sys.exit("fork server: a thread started while importing; forking it is unsafe")
    gc.freeze()
    gc.enable()
    serve(server, handlers, server_pid)


if __name__ == "__main__":
    main(sys.argv[1:])
