"""The fork provisioner's own parts: which kernel commands it forks, and its Popen over a pid.

The whole path (a zygote forking the app's kernels) runs in every server test: the leave and
browser tests pass with forked kernels; benchmarks/refill_cpu.py measures it.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys

import pytest

from infoshare_widgets.app.fork_provisioner import ForkedProcess, fork_request
from infoshare_widgets.app.kernels import NO_HISTORY

LAUNCH = [sys.executable, "-m", "ipykernel_launcher", "-f", "/tmp/kernel-x.json", NO_HISTORY]
LIMITED = [sys.executable, "-m", "infoshare_widgets.app.kernel_limit", "1073741824", "--", *LAUNCH]


def test_a_limited_kernel_command_is_forked_with_its_limit_env_and_folder() -> None:
    request = fork_request(LIMITED, {"env": {"A": "1"}, "cwd": "/srv", "kernel_id": "k"})
    assert request is not None
    assert request["limit"] == 1073741824 and request["env"] == {"A": "1"}
    assert request["cwd"] == "/srv" and request["cmdline"] == LAUNCH
    assert request["argv"][0].endswith("ipykernel_launcher.py")
    assert request["argv"][1:] == ["-f", "/tmp/kernel-x.json", NO_HISTORY]
    assert fork_request(LAUNCH, {})["limit"] is None  # type: ignore[index]


@pytest.mark.parametrize(("command", "kwargs"), [
    (["/usr/bin/python3.9", *LAUNCH[1:]], {}),  # another interpreter: its own modules
    ([sys.executable, "-m", "other_kernel", "-f", "x"], {}),
    (LIMITED, {"stdout": subprocess.PIPE}),  # a Popen setting the zygote would not honour
])
def test_anything_else_starts_as_a_process(command: list[str], kwargs: dict) -> None:
    assert fork_request(command, kwargs) is None


def test_the_popen_over_a_pid_polls_signals_and_waits() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        process = ForkedProcess(child.pid)
        assert process.poll() is None
        process.terminate()
        child.wait(timeout=10)  # reaped here, as the zygote's SIGCHLD setting does there
        assert process.wait(timeout=10) == 0 and process.poll() == 0
        assert child.returncode == -signal.SIGTERM
        with pytest.raises(ProcessLookupError):
            process.kill()
    finally:
        child.kill()
        child.wait()


def test_the_popen_over_a_pid_works_past_descriptor_1024() -> None:
    """A room's server holds thousands of descriptors; select() refused those past 1024."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 2048:
        pytest.skip(f"this machine allows {hard} open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 2048), hard))
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        process = ForkedProcess(child.pid)
        assert process._fd is not None
        high = os.dup2(process._fd, 1500)
        os.close(process._fd)
        process._fd = high
        assert process.poll() is None
        process.kill()
        child.wait(timeout=10)
        assert process.wait(timeout=10) == 0
    finally:
        child.kill()
        child.wait()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


WATCHER = """
import os, sys, time
from infoshare_widgets.app import fork_server
if sys.argv[2] == "refused":  # a seccomp profile without pidfd_open
    def refused(pid):
        raise PermissionError(1, "Operation not permitted")
    os.pidfd_open = refused
fork_server.WATCH_SECONDS = 0.05
watch = fork_server.ServerWatch(int(sys.argv[1]))
print("pidfd" if watch.pidfd is not None else "polling", flush=True)
watch.start()
time.sleep(60)
"""


@pytest.mark.parametrize("how", ["pidfd", "refused"])
def test_a_forked_kernel_ends_when_its_server_ends(how: str) -> None:
    """A kernel forked from the zygote watches the Voila server, with or without a pidfd."""
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    kernel = subprocess.Popen([sys.executable, "-c", WATCHER, str(server.pid), how],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert kernel.stdout is not None
        assert kernel.stdout.readline().strip() == ("pidfd" if how == "pidfd" else "polling")
        with pytest.raises(subprocess.TimeoutExpired):
            kernel.wait(timeout=0.5)  # the server is there: the kernel stays
        server.kill()
        server.wait(timeout=10)
        assert kernel.wait(timeout=10) == 1
    finally:
        for process in (kernel, server):
            process.kill()
            process.wait()
