"""One app server under /infoshare/ behind Debian's nginx with the shipped single-server file
(deploy/nginx/infoshare-single.conf): TLS, the path prefix, websockets, headers, rate limit."""

from __future__ import annotations

import ssl
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import websocket
from _app_support import describe_violations, kernel_id_of, run_axe, wait_settled
from _deploy_fixtures import BASE
from _proxy_client import Learner

PREFIX_JS = "() => Object.keys(localStorage).filter(k => k.startsWith('infoshare-progress:'))"


def test_a_page_under_the_prefix_through_tls_keeps_every_request_under_it(
        nginx_one, browser) -> None:
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1000,
                                                                       "height": 900})
    seen: list[str] = []
    sockets: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    try:
        page = context.new_page()
        page.on("websocket", lambda socket: sockets.append(socket.url))
        response = page.goto(nginx_one.url + "/")  # nginx -> /infoshare/ -> the Start page
        wait_settled(page)
        site = nginx_one.url + BASE
        assert page.url == site + "voila/render/00-start.ipynb"
        assert "max-age=" in response.headers["strict-transport-security"]
        assert "script-src" in response.headers["content-security-policy"]  # from the app
        outside = [u for u in seen if not u.startswith(site) and u != nginx_one.url + "/"
                   and not u.startswith(("data:", "blob:"))]
        assert outside == []
        # The widgets' modules come through the proxy too, under the prefix (issue 22).
        page.wait_for_function("""() => performance.getEntriesByType("resource").some(
            (e) => e.name.includes("/infoshare/static/") && e.name.endsWith(".js"))""")
        assert any(u.startswith(site + "infoshare/static/") and u.endswith(".js") for u in seen)
        assert sockets and all(u.startswith(site.replace("https:", "wss:")) for u in sockets)
        assert any("/api/kernels/" in u for u in sockets)
        # The browser's progress key names the site with its path.
        page.wait_for_function(PREFIX_JS.replace("filter", "some"))
        assert all(k.startswith(f"infoshare-progress:{site}:") for k in page.evaluate(PREFIX_JS))
        visitor = next(c for c in context.cookies() if c["name"] == "infoshare_visitor")
        assert visitor["path"] == BASE.rstrip("/") or visitor["path"] == BASE
        assert visitor["secure"], "the app should mark its cookie Secure behind HTTPS"
        # Every cookie, _xsrf and Jupyter's username cookie included (the probe: those two
        # were not Secure behind TLS).
        names = {c["name"] for c in context.cookies()}
        assert {"infoshare_visitor", "_xsrf"} <= names, names
        assert [c["name"] for c in context.cookies() if not c["secure"]] == []
        # Links work under the prefix.
        page.locator(".is-nav-top a[rel=next]").click()
        wait_settled(page)
        assert page.url == site + "voila/render/01-what-is-it.ipynb"
        violations = run_axe(page)
        assert violations == [], describe_violations(violations)
        check_websocket_origin(nginx_one.url, kernel_id_of(page), visitor["value"])
    finally:
        context.close()


def check_websocket_origin(site: str, kernel: str, cookie: str) -> None:
    """A kernel's websocket opens from the site's own origin and refuses any other."""
    url = site.replace("https://", "wss://") + f"{BASE}api/kernels/{kernel}/channels"
    options = {"sslopt": {"cert_reqs": ssl.CERT_NONE}, "cookie": f"infoshare_visitor={cookie}",
               "timeout": 30}
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(url, origin="https://evil.example", **options)
    assert refused.value.status_code == 403
    same = websocket.create_connection(url, origin=site, **options)
    same.close()


def test_health_is_public_metrics_and_the_visit_socket_are_not(nginx_one,
                                                                deploy_servers) -> None:
    learner = Learner(nginx_one.url)
    health = learner.get(f"{BASE}healthz")
    assert health.status == 200 and b'"version"' in health.body
    assert learner.get(f"{BASE}metrics").status == 404
    assert learner.get(f"{BASE}voila/query/x").status == 404
    # Even past nginx's own refusal, the app refuses a proxied request for its metrics.
    status, _, _ = deploy_servers.servers[0].raw_get(f"{BASE}metrics")
    assert status == 200
    direct = Learner(f"http://127.0.0.1:{deploy_servers.ports[0]}")
    assert direct_get(direct, f"{BASE}metrics", {"X-Forwarded-For": "203.0.113.9"}) == 404


def direct_get(learner: Learner, path: str, headers: dict[str, str]) -> int:
    import http.client

    port = int(learner.base.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def test_plain_http_is_sent_to_https_and_large_bodies_are_refused(nginx_one) -> None:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", nginx_one.http_port, timeout=30)
    conn.request("GET", f"{BASE}voila/render/00-start.ipynb", headers={"Host": "localhost"})
    answer = conn.getresponse()
    assert answer.status == 301
    assert answer.getheader("Location").startswith("https://localhost:")
    conn.close()
    too_big = Learner(nginx_one.url).get(f"{BASE}infoshare/alive/x", method="POST",
                                         headers={"Content-Length": str(2 * 1024 * 1024)})
    assert too_big.status == 413
    # the author area's builder forms (up to 512 KB) pass nginx to the app (here without
    # --authoring: its 404); over the app's own 1 MB, nginx refuses first
    form = Learner(nginx_one.url).get(f"{BASE}author/sign-in", method="POST",
                                      body=b"x" * 400_000,
                                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status == 404
    huge = Learner(nginx_one.url).get(f"{BASE}author/sign-in", method="POST",
                                      headers={"Content-Length": str(2 * 1024 * 1024)})
    assert huge.status == 413


def test_a_flood_of_page_loads_from_one_address_is_refused(nginx_one) -> None:
    """nginx's per-address limit on page loads (the location /infoshare/voila/render/): the
    flood asks for a page that does not exist, so what passes costs the app no kernel."""
    flooder = Learner(nginx_one.url, source="127.0.0.5")
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(
            lambda _: flooder.get(f"{BASE}voila/render/no-such-page.ipynb").status, range(120)))
    elapsed = time.monotonic() - started
    assert set(statuses) <= {404, 429}
    # The shipped limit: a burst of 20 (the unit's per-address page limit), then 1 a second;
    # the rest of the flood is refused, whatever the machine's speed.
    assert statuses.count(404) >= 20
    assert statuses.count(429) >= 120 - 20 - int(elapsed) - 2, (elapsed, statuses)
    # Another address is not affected.
    assert Learner(nginx_one.url, source="127.0.0.6").get(
        f"{BASE}voila/render/no-such-page.ipynb").status == 404


def test_the_access_log_names_no_visitor_and_no_room_call(nginx_one) -> None:
    """Review of issue 24, item 9: through the shipped site file, a page load is logged without
    the visitor's address or user agent, and the room's pages and calls are not logged."""
    learner = Learner(nginx_one.url, source="127.0.0.7")  # an address no server has
    agent = {"User-Agent": "infoshare-log-probe/1"}
    assert learner.get(f"{BASE}healthz", headers=agent).status == 200
    assert learner.get(f"{BASE}room", headers=agent).status == 200
    learner.get(f"{BASE}room/api/device", headers={**agent, "X-Infoshare-Room": "1"})
    log = nginx_one.folder / "access.log"
    lines = log.read_text(errors="replace").splitlines()
    assert any(f"{BASE}healthz" in line for line in lines)
    assert not any(f"{BASE}room" in line for line in lines)
    assert "infoshare-log-probe" not in log.read_text(errors="replace")
    assert "127.0.0.7" not in log.read_text(errors="replace")
