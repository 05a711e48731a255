"""Kernels forked from the zygote, through the app's real server (app/fork_server.py).

A forked kernel must be a whole kernel: its widgets' control comm answers (the browser's
widget manager asks it for every widget's state), it has a kernel's environment (none of the
server's own variables), it shows its own command line, it outlives
a zygote that is killed, and it ends with the server. A killed zygote is started again.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from _app_support import APP_CONNECT, TEST_LIMITS, AppServer, free_port, running_server
from _hardening_support import descendants, kernel_pids, parent_of, request, wait_for
from jupyter_client import BlockingKernelClient

from infoshare_widgets.app.serve import ServerSettings

PAGE = "/voila/render/00-start.ipynb"
SECRET = "fork-secret-value"
KERNEL_FILE = re.compile(rb"\S*kernel-[0-9a-f-]{36}\.json")


@pytest.fixture()
def forking_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    settings = ServerSettings(port=free_port(), default_pool_size=1, pool_sizes={},
                              connect_timeout=APP_CONNECT, **TEST_LIMITS)
    secret = {"INFOSHARE_TEST_SECRET": SECRET}  # ours, not a kernel's: kernel_env.kernel_only
    with running_server(settings, tmp_path_factory.mktemp("fork"), secret) as server:
        yield server


def command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def zygote_of(server: AppServer) -> int | None:
    found = [p for p in descendants(server.process.pid) if b"fork_server" in command_line(p)]
    return found[0] if found else None


def forked_kernels(zygote: int) -> list[int]:
    return [p for p in descendants(zygote) if b"ipykernel_launcher" in command_line(p)]


def client_of(pid: int) -> BlockingKernelClient:
    match = KERNEL_FILE.search(command_line(pid))
    assert match, f"no connection file in the kernel's command line {command_line(pid)!r}"
    client = BlockingKernelClient(connection_file=match.group().decode())
    client.load_connection_file()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return client


def widget_states(client: BlockingKernelClient) -> dict:
    """What the browser's widget manager asks a kernel first: every widget's state."""
    comm_id = uuid.uuid4().hex
    client.shell_channel.send(client.session.msg(
        "comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}},
        metadata={"version": "1.0.0"}))
    client.shell_channel.send(client.session.msg(
        "comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}}))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        reply = client.get_iopub_msg(timeout=60)
        content = reply["content"]
        if reply["msg_type"] == "comm_msg" and content.get("comm_id") == comm_id:
            return content["data"]
    raise AssertionError("the widgets' control comm did not answer")


def environment(client: BlockingKernelClient) -> dict[str, str]:
    """The kernel's own os.environ (/proc/<pid>/environ shows the zygote's, at its start)."""
    out: list[str] = []
    client.execute_interactive(
        "import json, os; print(json.dumps(dict(os.environ)))", timeout=60,
        output_hook=lambda m: out.append(m["content"]["text"]) if m["msg_type"] == "stream" else 0)
    return json.loads("".join(out))


def answers(client: BlockingKernelClient) -> bool:
    reply = client.execute("1 + 1", reply=True, timeout=60)
    return reply["content"]["status"] == "ok"


def test_a_forked_kernel_is_a_whole_kernel_and_outlives_its_zygote(
        forking_server: AppServer) -> None:
    server = forking_server
    assert wait_for(lambda: zygote_of(server) is not None, 60), "the server started no zygote"
    zygote = zygote_of(server)
    assert zygote is not None
    assert wait_for(lambda: forked_kernels(zygote), 60), "the pool's kernel was not forked"

    page = request(server, PAGE)  # a visit: the kernel runs the page's cells, then is idle
    assert page.status == 200
    kernel = kernel_pids(server)[page.kernel_id()]
    assert parent_of(kernel) == zygote
    command = command_line(kernel)
    assert b"-m ipykernel_launcher -f " in command and b"fork_server" not in command

    client = client_of(kernel)
    try:
        data = widget_states(client)
        assert data["method"] == "update_states" and len(data["states"]) > 5  # the page's
        env = environment(client)
        assert env["INFOSHARE_CONTENT"] and env["VOILA_PREHEAT"] == "True"
        assert SECRET not in json.dumps(env) and SECRET.encode() not in command_line(zygote)

        os.kill(zygote, signal.SIGKILL)
        assert wait_for(lambda: parent_of(kernel) != zygote, 30)
        time.sleep(2.5)  # ipykernel's parent poller looks every second; it must not be there
        assert running(kernel) and answers(client)
    finally:
        client.stop_channels()

    assert request(server, PAGE).status == 200  # a page takes a kernel; the pool refills
    assert wait_for(lambda: zygote_of(server) not in (None, zygote), 60), "no new zygote"
    again = zygote_of(server)
    assert again is not None and wait_for(lambda: forked_kernels(again), 60)
    assert "starting it again" in server.log()

    kernels = [kernel, *forked_kernels(again)]
    os.kill(server.process.pid, signal.SIGKILL)  # no shutdown of its kernels: they see it go
    assert wait_for(lambda: not any(running(k) for k in kernels), 30), "kernels outlived it"
