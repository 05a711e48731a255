"""A visitor who knows a page's kernel id, or sends what no page sends (issue 8, items 2 and 5).

A second client with a page's kernel id cannot read, write or shut the kernel; the page's own
visitor can set only the traits a learner sets, create at most a couple of widgets, send no
message over 256 KB, and gets no traceback back. Then the hygiene of every response.
"""

from __future__ import annotations

import json
import re
import uuid

import pytest
import websocket
from _app_support import HARDENED_NOTEBOOK, answer_question, kernel_id_of, open_page
from _hardening_support import (
    comm_msg,
    kernel_pids,
    kernel_socket,
    message,
    receive_for,
    request,
    visitor_cookie,
)
from _shipped import shipped_content

from infoshare_widgets.app.socket import TRACEBACK_FIELD

CONTENT = shipped_content()
PAGE = f"/voila/render/{HARDENED_NOTEBOOK}.ipynb"
MARKER = "PWNED-7f3a"


@pytest.fixture
def learner(hardened_server, context) -> tuple[object, str, str]:
    """A learner's open page, its kernel id and the learner's cookie."""
    page = open_page(context, hardened_server.url + PAGE)
    return page, kernel_id_of(page), visitor_cookie(context)


def test_another_client_with_the_kernel_id_cannot_read_write_or_shut_it(
        hardened_server, learner) -> None:
    page, kernel_id, cookie = learner
    other = request(hardened_server, PAGE, source="127.0.0.5").cookie()  # a real other visitor
    for forged in ("", other, "x" * 32):
        headers = {"Cookie": f"infoshare_visitor={forged}"} if forged else {}
        assert request(hardened_server, f"/api/kernels/{kernel_id}", headers=headers,
                       source="127.0.0.6").status == 404
        with pytest.raises(websocket.WebSocketBadStatusException):
            kernel_socket(hardened_server, kernel_id, forged).close()
        xsrf = {"Cookie": f"_xsrf=abc; infoshare_visitor={forged}", "X-XSRFToken": "abc"}
        for method, path in (("POST", f"/voila/api/shutdown/{kernel_id}"),
                             ("DELETE", f"/api/kernels/{kernel_id}"),
                             ("POST", f"/infoshare/alive/{kernel_id}")):
            assert request(hardened_server, path, method, headers=xsrf).status == 404, path
    assert kernel_id in kernel_pids(hardened_server)
    # The learner's own cookie opens it: the refusals above are the binding, not a blanket no.
    own = request(hardened_server, f"/api/kernels/{kernel_id}",
                  headers={"Cookie": f"infoshare_visitor={cookie}"})
    assert own.status == 200 and json.loads(own.body)["id"] == kernel_id


def question_comm(socket: websocket.WebSocket) -> tuple[str, dict]:
    """The comm id and state of the page's first question widget (it has `prompt_html`)."""
    socket.send(json.dumps(message("comm_info_request", {"target_name": "jupyter.widget"})))
    replies = [m for m in receive_for(socket, 3) if m["msg_type"] == "comm_info_reply"]
    comms = list(replies[0]["content"]["comms"])
    for comm_id in comms:
        socket.send(json.dumps(comm_msg(comm_id, {"method": "request_state"})))
    for msg in receive_for(socket, 4):
        state = msg.get("content", {}).get("data", {}).get("state", {})
        if msg["msg_type"] == "comm_msg" and "prompt_html" in state:
            return msg["content"]["comm_id"], state
    raise AssertionError("no question widget found")


def state_of(socket: websocket.WebSocket, comm_id: str) -> dict:
    socket.send(json.dumps(comm_msg(comm_id, {"method": "request_state"})))
    for msg in receive_for(socket, 3):
        if msg.get("content", {}).get("comm_id") == comm_id and \
                "state" in msg["content"].get("data", {}):
            return msg["content"]["data"]["state"]
    raise AssertionError("no state")


def test_the_browser_may_set_only_what_a_learner_sets_and_nothing_is_echoed(
        hardened_server, learner) -> None:
    page, kernel_id, cookie = learner
    socket = kernel_socket(hardened_server, kernel_id, cookie)
    try:
        comm_id, state = question_comm(socket)
        hostile = f'<img src=x onerror="document.title=\'{MARKER}\'">{MARKER}'
        socket.send(json.dumps(comm_msg(comm_id, {"method": "update", "buffer_paths": [],
                                                  "state": {"prompt_html": hostile}})))
        socket.send(json.dumps(comm_msg(comm_id, {"method": "update", "buffer_paths": [],
                                                  "state": {"chosen": [0]}})))
        seen = receive_for(socket, 2)
        after = state_of(socket, comm_id)
    finally:
        socket.close()
    assert MARKER not in after["prompt_html"] and after["prompt_html"] == state["prompt_html"]
    assert after["chosen"] == [0]  # the one trait a learner sets got through
    assert not any(m.get("content", {}).get("data", {}).get("method") == "echo_update"
                   for m in seen)
    assert MARKER not in page.content() and MARKER not in page.title()


def test_widgets_made_from_the_browser_are_capped_and_big_messages_close_the_socket(
        hardened_server, learner) -> None:
    page, kernel_id, cookie = learner
    socket = kernel_socket(hardened_server, kernel_id, cookie)
    state = {"_model_module": "@jupyter-widgets/controls", "_model_module_version": "2.0.0",
             "_model_name": "TextModel", "_view_module": "@jupyter-widgets/controls",
             "_view_module_version": "2.0.0", "_view_name": "TextView", "value": "x" * 1000}
    opened = [uuid.uuid4().hex for _ in range(5)]
    for comm_id in opened:
        msg = message("comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget",
                                    "data": {"state": state, "buffer_paths": []}})
        msg["metadata"] = {"version": "2.1.0"}
        socket.send(json.dumps(msg))
    socket.send(json.dumps(message("comm_info_request", {"target_name": "jupyter.widget"})))
    info = next(m for m in receive_for(socket, 3) if m["msg_type"] == "comm_info_reply")
    assert len(set(opened) & set(info["content"]["comms"])) == 2
    # A malformed update of an allowed trait: the kernel fails, the page gets no traceback.
    comm_id, _ = question_comm(socket)
    socket.send(json.dumps(comm_msg(comm_id, {"method": "update", "buffer_paths": [],
                                              "state": {"chosen": {"not": "a list"}}})))
    back = receive_for(socket, 2)
    # An error's own message or fields, or a traceback's text. Not the word "error" alone: the
    # page's widget manager may ask for every widget's state meanwhile, and the replies, sent to
    # every socket of the kernel, hold the question widget's `error` trait and its script.
    leaked = [(m.get("msg_type"), m.get("channel"), json.dumps(m)[:800]) for m in back
              if m.get("msg_type") in ("error", "stream")
              or TRACEBACK_FIELD.search(json.dumps(m))
              or "Traceback (most recent call last)" in json.dumps(m)
              or "site-packages" in json.dumps(m)]
    assert leaked == []  # names the message that carried it, if one ever does
    # 300 KB in one message: the server closes the socket (limit 256 KB).
    big = comm_msg(comm_id, {"method": "custom", "content": {"event": "x" * 300_000}})
    socket.send(json.dumps(big))
    with pytest.raises((websocket.WebSocketConnectionClosedException, ConnectionError)):
        for _ in range(50):
            socket.settimeout(5)
            socket.recv()
            socket.send(json.dumps(message("kernel_info_request", {})))
    socket.close()
    assert kernel_id in kernel_pids(hardened_server)


def test_a_socket_that_floods_is_closed_and_other_pages_carry_on(
        hardened_server, learner) -> None:
    # Issue 27: one socket's messages drove the server to 99.5 % CPU and slowed others' pages.
    page, kernel_id, _ = learner
    answer = request(hardened_server, PAGE, source="127.0.0.5")  # the flooder's own page
    socket = kernel_socket(hardened_server, answer.kernel_id(), answer.cookie())
    frame = json.dumps(message("kernel_info_request", {}))
    with pytest.raises((websocket.WebSocketConnectionClosedException, ConnectionError)):
        for _ in range(2000):  # the shipped limit: 20 a second, 200 at once
            socket.send(frame)
        socket.settimeout(10)  # (a socket never closed would time out instead: a failure)
        while True:
            socket.recv()
    socket.close()
    assert "over 20 messages a second" in hardened_server.log()
    assert answer_question(page, 0)  # the learner's page still works
    assert kernel_id in kernel_pids(hardened_server)


def server_records(log: str) -> str:
    """The server's own log records: a kernel's ("[IPKernelApp] ...", e.g. its refusal of a
    message an earlier hostile test replayed) may reach the shared log at any time."""
    records = re.split(r"\n(?=\[)", log)
    return "\n".join(r for r in records if not r.startswith("[IPKernelApp]"))


@pytest.mark.parametrize(("path", "status"), [
    ("/no/such/page", 404), ("/voila/render/no-such.ipynb", 404), ("/logout", 404),
    ("/login", 404), ("/voila/api/themes/x", 404), ("/voila/render/%00", 400),
    ("/voila/static/a%0d%0ab.js", 400), ("/voila/static/no-such.js", 403),
    ("/voila/files/x.ipynb", 403), ("/voila/templates/infoshare/static/no-such.css", 404),
])
def test_errors_are_our_pages_with_the_policy_and_no_traceback(
        hardened_server, path: str, status: int) -> None:
    before = len(hardened_server.log())
    answer = request(hardened_server, path)
    assert answer.status == status
    assert "Content-Security-Policy" in answer.headers
    assert "<h1" in answer.body and "Traceback" not in answer.body
    if status == 404:
        assert CONTENT.text("app", "not_found") in answer.body
    assert "Traceback" not in server_records(hardened_server.log()[before:])


def test_a_foreign_host_is_refused(hardened_server) -> None:
    port = hardened_server.url.rsplit(":", 1)[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.nip.io"):
        answer = request(hardened_server, PAGE, host=host)
        assert answer.status == 400 and "kernelId" not in answer.body, host
    assert request(hardened_server, "/", host=f"localhost:{port}").status == 302


def test_only_a_kernel_on_this_machine_may_ask_for_a_visit(hardened_server, learner) -> None:
    # /voila/query/<id> hands a preheated kernel its visit; a browser that knows an id and got
    # there first would take the visit's details and leave the kernel waiting.
    _, kernel_id, _ = learner
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    path = f"/voila/query/{kernel_id}"
    assert request(hardened_server, path, headers=upgrade, source="127.0.0.5").status == 404
    assert request(hardened_server, path, source="127.0.0.1").status == 400  # not a websocket


def test_the_visitor_cookie_is_signed_by_the_server_and_never_chosen_by_the_client(
        hardened_server) -> None:
    # Issue 27: any value a client picked was accepted as its visitor token.
    for forged in ("x" * 32, '"2|1:0|10:1700000000|17:infoshare_visitor|8:eHh4eA==|00"'):
        answer = request(hardened_server, PAGE, source="127.0.0.8",
                         headers={"Cookie": f"infoshare_visitor={forged}"})
        issued = answer.cookie()
        assert answer.status == 200 and issued and issued != forged  # ignored and replaced
    again = request(hardened_server, PAGE, source="127.0.0.8",
                    headers={"Cookie": f"infoshare_visitor={issued}"})
    assert again.status == 200 and again.kernel_id() and not again.cookie()  # its own: kept
