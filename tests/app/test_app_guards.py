"""The server's rules as pure functions: browser input, Host, paths, log lines, outgoing messages.

The same rules are exercised against a real server and a real browser in
test_app_hardening.py; these tests pin each rule down, fast.
"""

from __future__ import annotations

import json
import logging

import pytest
from jupyter_server.services.kernels.connection.base import (
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)

from infoshare_widgets.app.browser_input import (
    BROWSER_SETTABLE,
    V1_PROTOCOL,
    Budget,
    Incoming,
    parse,
    refusal,
)
from infoshare_widgets.app.logs import HideKernelIds
from infoshare_widgets.app.response_guard import (
    DEFAULT_HOSTS,
    allowed_host,
    content_security_policy,
    has_control_character,
)
from infoshare_widgets.app.socket import MessageRate, carries_traceback, outgoing_type
from infoshare_widgets.app.visitors import FirstVisits

KERNEL_ID = "0a1b2c3d-1111-2222-3333-444455556666"


def update(state: dict, method: str = "update") -> Incoming:
    return Incoming("comm_msg", {"comm_id": "c", "data": {"method": method, "state": state,
                                                          "buffer_paths": []}})


def test_only_the_listed_traits_may_be_set_from_the_browser() -> None:
    budget = Budget(max_widgets=2)
    assert {"chosen", "answers"} == BROWSER_SETTABLE
    assert refusal(update({"chosen": [1]}), budget) is None
    assert refusal(update({"answers": {"who": "charity"}}), budget) is None
    for trait in ("note", "prompt_html", "feedback_html", "options", "intro_html", "value",
                  "layout", "_esm", "_css", "description"):
        assert refusal(update({trait: "<img src=x onerror=alert(1)>"}), budget), trait
    assert refusal(update({"chosen": [1], "prompt_html": "x"}), budget)  # all or nothing
    bad_buffers = Incoming("comm_msg", {"data": {"method": "update", "state": {"chosen": []},
                                                 "buffer_paths": [["chosen"]]}})
    assert refusal(bad_buffers, budget)


def test_widget_messages_other_than_updates_requests_and_custom_are_refused() -> None:
    budget = Budget(max_widgets=2)
    for method in ("request_state", "request_states", "custom"):
        assert refusal(update({}, method), budget) is None
    for method in ("echo_update", "display", "whatever", None):
        assert refusal(update({}, method), budget), method
    assert refusal(Incoming("comm_msg", {"data": "not a dict"}), budget)
    assert refusal(None, budget) == "unreadable message"
    assert refusal(Incoming("kernel_info_request", {}), budget) is None  # Voila filters these


def test_the_browser_may_create_only_a_few_widgets_and_no_other_comm() -> None:
    budget = Budget(max_widgets=2)
    control = Incoming("comm_open", {"target_name": "jupyter.widget.control"})
    widget = Incoming("comm_open", {"target_name": "jupyter.widget"})
    other = Incoming("comm_open", {"target_name": "anything.else"})
    assert [refusal(control, budget) for _ in range(5)] == [None] * 5
    assert refusal(widget, budget) is None and refusal(widget, budget) is None
    assert refusal(widget, budget) == "too many widgets created from the browser"
    assert refusal(other, Budget(max_widgets=9))


def message(msg_type: str, content: dict) -> dict:
    return {"header": {"msg_id": "1", "msg_type": msg_type, "session": "s", "username": "u",
                       "date": "2024-01-01T00:00:00Z", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "buffers": []}


def encoded(msg: dict, channel: str, encoding: str) -> tuple[str | bytes, str | None]:
    """A kernel message as a websocket frame in one of the three encodings, and its protocol."""
    if encoding == "json":
        return json.dumps({**msg, "channel": channel}), None
    if encoding == "binary":
        return serialize_binary_message({**msg, "channel": channel}), None
    parts = [json.dumps(msg[k]).encode() for k in ("header", "parent_header", "metadata",
                                                  "content")]
    return serialize_msg_to_ws_v1(parts, channel), V1_PROTOCOL


@pytest.mark.parametrize("encoding", ["json", "binary", "v1"])
def test_every_websocket_encoding_is_read(encoding: str) -> None:
    msg = message("comm_msg", {"comm_id": "c", "data": {"method": "update",
                                                        "state": {"prompt_html": "x"}}})
    frame, protocol = encoded(msg, "shell", encoding)
    incoming = parse(frame, protocol)
    assert incoming is not None and incoming.msg_type == "comm_msg"
    assert refusal(incoming, Budget(1)) == "state update of prompt_html"
    assert outgoing_type(frame, protocol) == "comm_msg"
    assert parse(b"\x00garbage", protocol) is None
    # A frame that declares billions of parts is refused at once (Jupyter Server's own reader
    # would build the list of offsets first, holding the server's event loop).
    huge = (2**31 - 1).to_bytes(4, "big") + b"\x00" * 64 if encoding == "binary" \
        else (2**62).to_bytes(8, "little") + b"\x00" * 64
    assert parse(huge, protocol) is None and outgoing_type(huge, protocol) is None


@pytest.mark.parametrize("encoding", ["json", "binary", "v1"])
def test_a_traceback_in_any_message_is_kept_from_the_page(encoding: str) -> None:
    error = {"output_type": "error", "ename": "TraitError", "evalue": "bad",
             "traceback": ["Traceback (most recent call last)", "/site-packages/x.py"]}
    captured = message("comm_msg", {"comm_id": "c", "data": {
        "method": "update", "state": {"outputs": [error]}, "buffer_paths": []}})
    fine = message("comm_msg", {"comm_id": "c", "data": {
        "method": "update", "state": {"status": "An error card says what went wrong"}}})
    for msg, kept in ((captured, True), (fine, False)):
        frame, protocol = encoded(msg, "iopub", encoding)
        assert carries_traceback(frame, protocol) is kept, (encoding, kept)


def test_hosts_control_characters_and_the_script_policy() -> None:
    for host in ("127.0.0.1:8866", "localhost", "LOCALHOST:1", "[::1]:8866"):
        assert allowed_host(host, DEFAULT_HOSTS), host
    for host in ("evil.example", "127.0.0.1.evil.example:8866", "", "localhost.:80"):
        assert not allowed_host(host, DEFAULT_HOSTS), host
    assert allowed_host("training.example:443", (*DEFAULT_HOSTS, "training.example"))
    for path in ("/voila/render/%00", "/a%0d%0aSet-Cookie:x", "/x\x7f", "/%1b[31m"):
        assert has_control_character(path), path
    assert not has_control_character("/voila/render/00-start.ipynb?mode=a%20b")
    policy = content_security_policy("abc")
    script = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert "'nonce-abc'" in script and "'unsafe-inline'" not in script
    assert "'unsafe-eval'" not in script
    assert "'unsafe-inline'" not in next(
        p for p in content_security_policy().split("; ") if p.startswith("script-src"))


def test_kernel_ids_leave_log_lines_above_debug() -> None:
    hide = HideKernelIds()
    info = logging.LogRecord("x", logging.INFO, __file__, 1, "Kernel started: %s", (KERNEL_ID,),
                             None)
    assert hide.filter(info) and info.getMessage() == "Kernel started: <kernel>"
    access = logging.LogRecord("tornado.access", logging.WARNING, __file__, 1,
                               "404 GET /api/kernels/%s/channels (127.0.0.1)", (KERNEL_ID,), None)
    hide.filter(access)
    assert KERNEL_ID not in access.getMessage()
    debug = logging.LogRecord("x", logging.DEBUG, __file__, 1, "kernel %s", (KERNEL_ID,), None)
    assert hide.filter(debug) and KERNEL_ID in debug.getMessage()


def test_tabs_opened_at_once_get_one_visitor_token_and_only_for_a_moment() -> None:
    # Issue 27, item 2: the first requests of a fresh browser's tabs arrive together, without a
    # cookie; they get one token, so whichever cookie the browser keeps, every page's kernel is
    # bound to it. (The cookie itself is signed: test_app_hostile.py.)
    now = [0.0]
    visits = FirstVisits(window=10, clock=lambda: now[0])
    first = visits.token_for("10.0.0.1", "Firefox")
    assert len(first) >= 32
    now[0] = 9.9
    assert visits.token_for("10.0.0.1", "Firefox") == first  # another tab of that browser
    assert visits.token_for("10.0.0.2", "Firefox") != first  # another address
    assert visits.token_for("10.0.0.1", "Chrome") != first   # another browser there
    now[0] = 10.1
    assert visits.token_for("10.0.0.1", "Firefox") != first  # later: a visitor of its own


def test_a_sockets_message_rate_is_a_token_bucket() -> None:
    now = [0.0]
    rate = MessageRate(20, 60, clock=lambda: now[0])
    assert all(rate.take() for _ in range(60))  # a burst of 60 (shipped: 200)
    assert not rate.take()                      # then no more at once
    now[0] = 0.5
    assert sum(rate.take() for _ in range(100)) == 10  # 20 a second
    now[0] = 100.0
    assert sum(rate.take() for _ in range(100)) == 60  # never more than the burst saved up
    assert all(MessageRate(0, 0).take() for _ in range(1000))  # 0: no limit
