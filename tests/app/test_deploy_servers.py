"""Three app servers behind Debian's nginx with the shipped multi-server file
(deploy/nginx/infoshare-servers.conf): learners spread and pinned by nginx's cookie, content
versions compared, and a server stopped under a learner.

The last test stops server C: keep it last in this module.
"""

from __future__ import annotations

import http.client
import json
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _app_support import answer_question, kernel_id_of, wait_settled
from _deploy_fixtures import BASE, DRAIN_SECONDS
from _proxy_client import Learner, kernel_id
from _room_watch import Watching
from _shipped import shipped_content
from _unit_support import unit_server

from infoshare_widgets.room_store.postgres_store import PostgresRoomStore

CONTENT = shipped_content()
START = f"{BASE}voila/render/00-start.ipynb"
QUIZ_PAGE = f"{BASE}voila/render/01-what-is-it.ipynb"
LETTERS = "abc"


def loads(deploy_servers) -> list[float]:
    return [deploy_servers.metrics(i)["infoshare_page_loads_total"] for i in range(3)]


def test_thirty_learners_from_one_address_spread_and_keep_to_their_server(
        nginx_many, deploy_servers) -> None:
    before = loads(deploy_servers)
    learners = [Learner(nginx_many.url, source="127.0.0.3") for _ in range(30)]

    def visit(learner: Learner) -> tuple[int, int, str]:
        """The page load, then a request for its kernel: the cookie takes it to the learner's
        server, the only one that knows the kernel (any other answers 404)."""
        page = learner.get(START)
        kernel = learner.get(f"{BASE}api/kernels/{kernel_id(page.body)}")
        return page.status, kernel.status, page.header("Strict-Transport-Security")

    with ThreadPoolExecutor(6) as pool:
        replies = list(pool.map(visit, learners))
    assert [page for page, _, _ in replies] == [200] * 30  # no 429 from nginx, no busy page
    assert all("max-age=" in hsts for _, _, hsts in replies)
    assert [kernel for _, kernel, _ in replies] == [200] * 30
    served = [learner.jar.get("infoshare_server") for learner in learners]
    by_cookie = Counter(served)
    by_server = [after - was for after, was in zip(loads(deploy_servers), before, strict=True)]
    print(f"\n30 learners over three servers: {dict(sorted(by_cookie.items()))}")
    assert [by_cookie[letter] for letter in LETTERS] == by_server
    assert all(5 <= n <= 15 for n in by_server), by_server


def test_every_server_says_which_content_it_serves_and_a_mismatch_shows(
        deploy_servers) -> None:
    reported = [deploy_servers.health(i) for i in range(3)]
    assert [status for status, _ in reported] == [200] * 3
    versions = [body["content"] for _, body in reported]
    assert versions[0] == versions[1] == versions[2]
    assert versions[0]["version"] == CONTENT.about.version
    about = deploy_servers.contents[2] / "about.yaml"
    original = about.read_text(encoding="utf-8")
    try:
        about.write_text(original.replace(f'"{CONTENT.about.version}"', '"2099.01"'))
        changed = settled_content(deploy_servers, 2, lambda c: c["version"] == "2099.01")
        assert changed["version"] == "2099.01"
        assert changed["fingerprint"] != versions[0]["fingerprint"]
        assert deploy_servers.health(0)[1]["content"] == versions[0]
    finally:
        about.write_text(original, encoding="utf-8")
    # same bytes, same print
    assert settled_content(deploy_servers, 2, lambda c: c == versions[0]) == versions[0]


def settled_content(deploy_servers, index: int, done) -> dict:
    """A server's content as /healthz reports it, once `done` (its answers are up to
    content_check.MAX_AGE seconds old: a flood of /healthz does not re-read the folder)."""
    deadline = time.monotonic() + 10
    while not done(content := deploy_servers.health(index)[1]["content"]) and \
            time.monotonic() < deadline:
        time.sleep(0.2)
    return content


ROOM_API = f"{BASE}room/api/"
ROOM_DEVICES = 30


def room_call(client: Learner, path: str, body: dict | None = None,
              headers: dict[str, str] | None = None) -> tuple[int, dict]:
    """One request to the room API through nginx, as the room pages send it."""
    sent = {"X-Infoshare-Room": "1", "Content-Type": "application/json", **(headers or {})}
    data = None if body is None else json.dumps(body).encode()
    reply = client.get(ROOM_API + path, "GET" if body is None else "POST", sent, data)
    return reply.status, json.loads(reply.body or b"{}")


def test_a_live_room_across_three_servers_counts_every_device_once(
        nginx_many, deploy_servers) -> None:
    """Issue 17 across servers: 30 devices behind one address (a venue's wifi) and the
    facilitator reach the room through nginx, whose requests without a server cookie go to
    each server in turn; the three keep the room in one PostgreSQL and push changes with
    LISTEN/NOTIFY."""
    if not deploy_servers.rooms_url:
        pytest.skip("a room shared by servers needs PostgreSQL: install Debian's postgresql "
                    "package (sudo apt-get install -y postgresql), or run make test as root")
    store = PostgresRoomStore(deploy_servers.rooms_url)
    before = set(store.dump())  # the session's PostgreSQL: other tests' rooms may be in it
    host = Learner(nginx_many.url, source="127.0.0.6")
    status, made = room_call(host, "rooms", {})
    assert status == 201, made
    secret = {"X-Room-Secret": made["secret"]}
    status, first = room_call(host, "host?wait=-1", headers=secret)
    assert status == 200 and first["phase"] == "idle"
    assert first["address"] == f"{nginx_many.url}{BASE}room"  # what the QR code holds
    question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))

    def join(_: int) -> tuple[Learner, dict[str, str]]:
        device = Learner(nginx_many.url, source="127.0.0.7")
        status, joined = room_call(device, "join", {"code": first["code"].lower()})
        assert status == 201, joined
        return device, {"X-Room-Device": joined["token"]}

    with ThreadPoolExecutor(10) as pool:
        devices = list(pool.map(join, range(ROOM_DEVICES)))
        status, asked = room_call(host, "host", {"step": "ask", "question": question}, secret)
        assert status == 200 and asked["devices"] == ROOM_DEVICES
        followed = room_call(devices[0][0], "device?wait=-1", headers=devices[0][1])[1]
        assert followed["phase"] == "open" and followed["question"]["id"] == question
        options = len(followed["question"]["options"])
        watching = Watching(
            lambda version: room_call(host, f"host?wait={version}", headers=secret),
            asked["version"])
        watching.start()
        answers = [i % options for i in range(ROOM_DEVICES)]

        def answer(pair: tuple[tuple[Learner, dict[str, str]], int]) -> int:
            (device, token), option = pair
            return room_call(device, "device", {"question": question, "options": [option]},
                             token)[0]

        assert list(pool.map(answer, zip(devices, answers, strict=True))) == [200] * ROOM_DEVICES
        changers = devices[:10]  # ten change their minds, each counted once
        assert list(pool.map(answer, [(d, options - 1) for d in changers])) == [200] * 10
        sent = time.monotonic()
    final = [answers[10:].count(i) for i in range(options)]
    final[options - 1] += len(changers)
    while watching.when(final) is None and time.monotonic() < sent + 10:
        time.sleep(0.05)
    arrived = watching.when(final)
    assert arrived is not None, watching.seen[-1][1].get("counts") if watching.seen else None
    print(f"\nroom across three servers: counts at the facilitator {arrived - sent:.3f} s "
          "after the last answer")
    assert arrived - sent < 2.0

    served = Counter(nginx_many.upstreams(ROOM_API))
    assert len(served) == 3, served  # every server answered the room's requests
    assert room_call(host, "host", {"step": "close"}, secret)[0] == 200
    device, token = devices[0]
    assert room_call(device, "device", {"question": question, "options": [0]}, token) == (
        409, {"error": "room_closed"})
    watching.stop = True
    assert room_call(host, "host", {"step": "end"}, secret) == (200, {"ended": True})
    assert room_call(device, "device?wait=-1", headers=token) == (404, {"error": "room_ended"})
    try:
        assert set(store.dump()) == before  # the ended room left no row in the shared store
    finally:
        store.close()
    watching.join(5)


def test_a_stopped_server_sends_new_pages_elsewhere_and_its_open_page_says_so(
        nginx_many, deploy_servers, browser) -> None:
    c = deploy_servers.servers[2]
    context = browser.new_context(ignore_https_errors=True,
                                  viewport={"width": 1000, "height": 900})
    context.add_cookies([{"name": "infoshare_server", "value": "c", "domain": "localhost",
                          "path": BASE, "secure": True}])
    try:
        page = context.new_page()
        page.goto(nginx_many.url + QUIZ_PAGE)
        wait_settled(page)
        first_kernel = kernel_id_of(page)
        assert _cookie(context) == "c"
        visitor = next(k["value"] for k in context.cookies() if k["name"] == "infoshare_visitor")
        assert direct_status(deploy_servers.ports[2], first_kernel, visitor) == 200  # on C
        assert answer_question(page, 0)
        busy_before = deploy_servers.metrics(2)["infoshare_busy_refusals_total"]

        c.process.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        # The signal is handled on C's loop a moment later: wait until C says it is draining
        # (a request sent before that is, rightly, still served by C).
        status, body = deploy_servers.health(2)
        while not body.get("draining") and time.monotonic() < stopped_at + 10:
            time.sleep(0.05)
            status, body = deploy_servers.health(2)
        assert (status, body["draining"]) == (503, True)  # load balancers: no new visitors
        # Draining: a new page for a learner pinned to C is refused there (503) and served by
        # another server; the open page keeps working.
        pinned = Learner(nginx_many.url, source="127.0.0.4", jar={"infoshare_server": "c"})
        assert pinned.get(START).status == 200
        assert pinned.jar["infoshare_server"] in ("a", "b")
        assert deploy_servers.metrics(2)["infoshare_busy_refusals_total"] > busy_before
        assert c.raw_get(f"{BASE}healthz?live")[0] == 200  # but not restarted for it
        assert answer_question(page, 1)

        # Then C stops: the open page says it lost its connection, with a Reload button.
        alert = page.locator("#is-lost[role=alert]")
        alert.get_by_text(CONTENT.text("app", "lost_connection")).wait_for(
            timeout=(DRAIN_SECONDS + 30) * 1000)
        seen_after = time.monotonic() - stopped_at
        print(f"\nthe open page said it lost its connection {seen_after:.1f} s after SIGTERM "
              f"(drain {DRAIN_SECONDS} s)")
        assert c.process.wait(timeout=30) == 0 or c.process.returncode is not None
        # New pages go to the others, with no error.
        newcomers = [Learner(nginx_many.url, source="127.0.0.4") for _ in range(4)]
        assert [n.get(START).status for n in newcomers] == [200] * 4
        assert {n.jar["infoshare_server"] for n in newcomers} <= {"a", "b"}
        # Reload: another server, and the learner's answer is back (kept in the browser).
        alert.get_by_role("button", name=CONTENT.text("app", "reload")).click()
        wait_settled(page)
        assert kernel_id_of(page) != first_kernel
        assert _cookie(context) in ("a", "b")
        page.wait_for_function(
            "() => document.querySelector('.is-quiz .is-q .is-q-feedback')"
            ".textContent.trim().length > 0")
    finally:
        context.close()


def direct_status(port: int, kernel: str, visitor: str) -> int:
    """The kernel's address on one server, asked directly (not through nginx)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", f"{BASE}api/kernels/{kernel}",
                     headers={"Cookie": f"infoshare_visitor={visitor}"})
        return conn.getresponse().status
    finally:
        conn.close()


def _cookie(context: object) -> str:
    return next((c["value"] for c in context.cookies()  # type: ignore[attr-defined]
                 if c["name"] == "infoshare_server"), "")


@pytest.fixture
def shipped_unit():
    """The app started as the shipped systemd unit starts it (a server process per use)."""
    return unit_server


@pytest.mark.parametrize("store", ["sqlite", "postgresql"])
def test_the_shipped_unit_runs_a_room_on_a_read_only_root(store: str, tmp_path, request,
                                                          shipped_unit) -> None:
    """The probe: under the shipped unit every room call failed (SQLite in ./data, read-only)
    while /healthz said ready; the database's password was in the server's /proc environ; and
    stopping logged tracebacks from the pools' kernels."""
    rooms_url = request.getfixturevalue("postgres_url") if store == "postgresql" else None
    with shipped_unit(tmp_path, rooms_url) as server:
        status, health = server.health()
        assert (status, health["rooms"]) == (200, "ok"), health
        status, made = server.room("rooms", {})
        assert status == 201, made
        secret = {"X_Room_Secret": made["secret"]}
        first = server.room("host?wait=-1", **secret)[1]
        question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
        status, joined = server.room("join", {"code": first["code"].lower()})
        assert status == 201, joined
        assert server.room("host", {"step": "ask", "question": question}, **secret)[0] == 200
        assert server.room("device", {"question": question, "options": [0]},
                           X_Room_Device=joined["token"])[0] == 200
        assert server.room("host?wait=-1", **secret)[1]["counts"][0] == 1
        if store == "sqlite":
            assert (server.state / "rooms.sqlite3").is_file()
        else:  # read from the credential file: the room is in PostgreSQL, not in SQLite
            rows = PostgresRoomStore(rooms_url).dump()
            assert first["code"] in {row[1] for table, row in rows if table == "infoshare_rooms"}
            assert not (server.state / "rooms.sqlite3").exists()
        deadline = time.monotonic() + 180
        while not (kernels := [p for p, cmd in process_tree(server.process.pid).items()
                               if b"ipykernel" in cmd]):
            assert time.monotonic() < deadline, "no kernel started"
            time.sleep(1)
        processes = process_tree(server.process.pid)  # infoshare serve, Voila, the kernels
        for pid in processes:
            environ = read(f"/proc/{pid}/environ")
            # the file's name only, and only where the unit set it; never the address
            assert b"ROOMS_URL=" not in environ or pid == server.process.pid, pid
            if rooms_url:
                assert rooms_url.encode() not in environ, pid
                assert rooms_url.split("@")[0].encode() not in environ, pid
    log = server.log()
    print(f"\n{store}: {len(processes)} processes, {len(kernels)} kernels; "
          f"{len(log.splitlines())} log lines")
    assert "Traceback" not in log and "ZMQError" not in log, log[-4000:]


def read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:  # noqa: PTH123
            return handle.read()
    except OSError:  # the process has gone
        return b""


def process_tree(root: int) -> dict[int, bytes]:
    """`root` and every process under it (from /proc), each with its command line."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = read(f"/proc/{entry.name}/stat").rsplit(b")", 1)
            if len(stat) == 2:
                parents[int(entry.name)] = int(stat[1].split()[1])
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        found[pid] = read(f"/proc/{pid}/cmdline")
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return found
