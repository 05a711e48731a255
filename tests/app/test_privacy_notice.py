"""Who runs the site and its privacy notice (app/privacy_notice.py): the two deployment settings
checked at start (a bad one is a sentence, never a server or a traceback), handed to the server,
and what the room pages say with and without them (served in this process; the real app's pages:
tests/app/test_app_room.py)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from _served import served
from _shipped import shipped_content
from tornado import web

from infoshare_widgets import cli
from infoshare_widgets.app.privacy_notice import (
    ORGANISATION_OPTION,
    URL_OPTION,
    PrivacyNotice,
    SettingError,
    checked_url,
    gap,
    privacy_notice,
)
from infoshare_widgets.app.proxy import networks
from infoshare_widgets.app.response_guard import DEFAULT_HOSTS, Guarded
from infoshare_widgets.app.room import room_routes
from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.content.ui_keys import OVER_SHIPPED_KEYS, PRIVACY_KEYS

WORDS = {k: shipped_content().text("facilitator", k) for k in PRIVACY_KEYS}
NAME = 'Northshire & Southshire <b>"Partnership"</b>'
URL = "https://example.org/privacy?from=room&lang=en"


@pytest.mark.parametrize("url", [
    "https://example.org/privacy", "HTTPS://Example.org:8443/a/b?c=d&e=f#g",
    "http://localhost:8000/privacy", "http://127.0.0.1/p", "http://[::1]:9/p"])
def test_an_https_address_or_http_on_this_machine_is_taken(url: str) -> None:
    assert checked_url(f"  {url} ") == url
    assert privacy_notice("Northshire", url) == PrivacyNotice("Northshire", url)


@pytest.mark.parametrize(("url", "says"), [
    ("http://example.org/privacy", "use https://"),
    ("http://127.0.0.1.example.org/p", "use https://"),
    ("javascript:alert(1)", "starting https://"), ("data:text/html,<b>x</b>", "starting https://"),
    ("//example.org/privacy", "starting https://"), ("/privacy", "starting https://"),
    ("https://", "starting https://"), ("ftp://example.org/p", "starting https://"),
    ("https://user:secret@example.org/p", "user name or password"),
    ("https://example.org:99999/", "not a web address"), ("https://[::1/p", "not a web address"),
    ("https://example.org/a b", "without spaces"), ("https://example.org/\u202e", "without spaces"),
    ("https://example.org/" + "a" * 2000, "at most 2000 characters")])
def test_any_other_address_is_refused_in_words(url: str, says: str) -> None:
    with pytest.raises(SettingError) as refused:
        privacy_notice("Northshire", url)
    message = str(refused.value)
    assert message.startswith("--privacy-notice-url (INFOSHARE_PRIVACY_NOTICE_URL): ")
    assert "is not usable: " in message and says in message


def test_the_organisation_is_plain_text_and_a_notice_needs_one() -> None:
    assert privacy_notice("  Northshire\n  County Council ") == PrivacyNotice(
        "Northshire County Council", "")
    assert privacy_notice(NAME).organisation == NAME  # escaped where shown, not here
    assert privacy_notice() == PrivacyNotice() and not PrivacyNotice().is_set
    for bad in ("North\x00shire", "North\u200bshire", "N" * 201):
        with pytest.raises(SettingError, match=r"^--organisation \(INFOSHARE_ORGANISATION\)"):
            privacy_notice(bad)
    with pytest.raises(SettingError, match="set without --organisation"):
        privacy_notice("", URL)


def served_command(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                   env: dict[str, str]) -> tuple[int, list[list[str]]]:
    started: list[list[str]] = []
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(subprocess, "Popen", lambda command, env: started.append(command) or
                        type("P", (), {"wait": lambda self, timeout=None: 0})())
    return cli.main(["serve", "--no-browser", *argv]), started


@pytest.mark.parametrize(("argv", "env"), [
    (["--organisation", NAME, "--privacy-notice-url", URL], {}),
    ([], {"INFOSHARE_ORGANISATION": NAME, "INFOSHARE_PRIVACY_NOTICE_URL": URL})])
def test_infoshare_serve_hands_both_settings_to_the_server(monkeypatch, argv, env) -> None:
    code, started = served_command(monkeypatch, argv, env)
    assert code == 0
    assert {f"--InfoshareVoila.organisation={NAME}",
            f"--InfoshareVoila.privacy_notice_url={URL}"} <= set(started[0])


def test_without_them_the_server_is_given_neither(monkeypatch) -> None:
    monkeypatch.delenv("INFOSHARE_ORGANISATION", raising=False)
    monkeypatch.delenv("INFOSHARE_PRIVACY_NOTICE_URL", raising=False)
    code, started = served_command(monkeypatch, [], {})
    assert code == 0 and not any(a.startswith(("--InfoshareVoila.organisation",
                                              "--InfoshareVoila.privacy")) for a in started[0])


@pytest.mark.parametrize(("argv", "env"), [
    (["--organisation", "Northshire", "--privacy-notice-url", "http://example.org/p"], {}),
    ([], {"INFOSHARE_ORGANISATION": "Northshire",
          "INFOSHARE_PRIVACY_NOTICE_URL": "javascript:alert(1)"}),
    ([], {"INFOSHARE_PRIVACY_NOTICE_URL": URL})])
def test_infoshare_serve_refuses_a_bad_setting_before_starting(monkeypatch, capsys, argv,
                                                                env) -> None:
    monkeypatch.delenv("INFOSHARE_ORGANISATION", raising=False)
    code, started = served_command(monkeypatch, argv, env)
    err = capsys.readouterr().err
    assert code == 2 and started == []
    assert err.startswith("infoshare: SettingError: --") and "Traceback" not in err


def test_the_server_itself_refuses_a_bad_address_in_words(tmp_path) -> None:
    """Started without `infoshare serve` (its own command line), it stops before listening."""
    done = subprocess.run(
        [sys.executable, "-m", "infoshare_widgets.app.voila_app", str(tmp_path), "--port=1",
         "--Voila.open_browser=False", "--InfoshareVoila.organisation=Northshire",
         "--InfoshareVoila.privacy_notice_url=http://example.org/privacy"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "infoshare: --privacy-notice-url (INFOSHARE_PRIVACY_NOTICE_URL): " in done.stderr
    assert "Traceback" not in done.stderr and "use https://" in done.stderr


def test_the_gap_names_each_missing_setting_and_what_to_set() -> None:
    both, name_only = gap(PrivacyNotice()), gap(PrivacyNotice("Northshire"))
    assert both is not None and ORGANISATION_OPTION in both and URL_OPTION in both
    assert name_only is not None and URL_OPTION in name_only
    assert ORGANISATION_OPTION not in name_only
    for line in (both, name_only):
        assert "set --organisation" in line and "--privacy-notice-url (its privacy notice" in line
    assert gap(PrivacyNotice("Northshire", URL)) is None


WARNING = "WARNING | Live rooms are on without "


@pytest.mark.parametrize(("organisation", "url", "warnings"), [
    ("", "", 1), ("Northshire", URL, 0)])
def test_the_server_warns_once_at_start_unless_both_are_set(tmp_path, organisation, url,
                                                            warnings) -> None:
    """The real server, started as `infoshare serve` starts it, on a port already taken: it
    logs what it logs at start (the rooms are on), then stops for want of a port."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        settings = ServerSettings(port=taken.getsockname()[1], open_browser=False,
                                  organisation=organisation, privacy_notice_url=url)
        command, env = voila_command(settings)
        env = {k: v for k, v in env.items() if not k.startswith("INFOSHARE_")}
        done = subprocess.run(command, env={**env, "INFOSHARE_DATA_DIR": str(tmp_path)},
                              capture_output=True, text=True, timeout=120, check=False)
    assert "no available port" in done.stderr  # it got as far as listening
    assert done.stderr.count(WARNING) == warnings
    if warnings:
        assert gap(PrivacyNotice()) in done.stderr


# --- the room pages, served in this process --------------------------------------------------


@contextmanager
def room_pages(notice: PrivacyNotice | None) -> Iterator[str]:
    def make_app() -> web.Application:
        return web.Application(room_routes("/", Guarded), infoshare_hosts=DEFAULT_HOSTS,
                               base_url="/", infoshare_trusted_proxies=networks([]),
                               infoshare_privacy=notice)
    with served(make_app) as port:
        yield f"http://127.0.0.1:{port}/"


def page(base: str, path: str) -> str:
    """The page's "who runs" block (the rest of the page never names anyone)."""
    with urllib.request.urlopen(base + path, timeout=30) as response:
        html = response.read().decode()
    before = html.split('id="who-runs"')[0]  # nor the script's words: drawn on the server
    assert all(max(re.split(r"\{organisation\}", WORDS[k]), key=len) not in before
               for k in WORDS)
    return html.split('id="who-runs"')[1].split("</div>")[0]


def test_the_pages_name_the_organisation_and_link_its_notice_escaped() -> None:
    with room_pages(privacy_notice(NAME, URL)) as base:
        phone, host = page(base, "room"), page(base, "room/host")
        assert re.search(r'id="follow".*id="who-runs"', urllib.request.urlopen(
            base + "room", timeout=30).read().decode(), re.S)  # shown while answering too
    shown = NAME.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&#34;")
    line = WORDS["room_controller"].replace("{organisation}", shown)
    link = WORDS["room_privacy_link"].replace("{organisation}", shown)
    for html in (phone, host):
        assert f"<p>{line}</p>" in html
        # a real link in the same tab: no target, the address's & escaped
        assert f'<p><a href="{URL.replace("&", "&amp;")}">{link}</a></p>' in html
        assert "<b>" not in html and "target=" not in html
        assert WORDS["room_controller_ask"] not in html


def test_a_name_without_a_notice_says_to_ask_for_it() -> None:
    with room_pages(privacy_notice("Northshire")) as base:
        phone = page(base, "room")
    assert WORDS["room_controller"].replace("{organisation}", "Northshire") in phone
    assert WORDS["room_privacy_ask"] in phone and "<a " not in phone


@pytest.mark.parametrize("notice", [None, PrivacyNotice()])
def test_without_the_settings_no_organisation_is_named(notice: PrivacyNotice | None) -> None:
    with room_pages(notice) as base:
        phone, host = page(base, "room"), page(base, "room/host")
    assert f"<p>{WORDS['room_controller_ask']}</p>" in phone.replace("&#39;", "'")
    assert f"<p>{WORDS['room_controller_ask_host']}</p>" in host.replace("&#39;", "'")
    for html in (phone, host):
        assert "<a " not in html and "{organisation}" not in html
        assert WORDS["room_controller"].split("{organisation}")[1] not in html


def test_the_words_are_read_over_the_shipped_ui_yaml() -> None:
    """A partnership's older ui.yaml without them still shows the shipped wording."""
    assert set(PRIVACY_KEYS) <= set(OVER_SHIPPED_KEYS["facilitator"])
    assert all("{organisation}" in WORDS[k] for k in ("room_controller", "room_privacy_link"))
