"""The data controller for this site and the rooms' answers (not a supplier hosting it) and the
address of its privacy notice: two deployment settings, checked when the server starts, shown on
the room pages.

Both are optional. Unset, the room pages name no organisation (nothing is invented): they tell
the learner to ask the facilitator, and the server logs one warning at start (:func:`gap`): a
live deployment sets both. A privacy notice needs the organisation it belongs to. The
notice's address must be ``https://``, or ``http://`` on this machine (``localhost``,
``127.0.0.1``, ``[::1]``) for tests; anything else is refused at start, in words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_ORGANISATION = 200
MAX_URL = 2000
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
ORGANISATION_OPTION = "--organisation (INFOSHARE_ORGANISATION)"
URL_OPTION = "--privacy-notice-url (INFOSHARE_PRIVACY_NOTICE_URL)"


class SettingError(ValueError):
    """A deployment setting that cannot be used, said in words (no traceback at start)."""


@dataclass(frozen=True)
class PrivacyNotice:
    """The site's data controller and its notice's address ("" when not set)."""

    organisation: str = ""
    url: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.organisation)


def _control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)


def checked_organisation(value: str) -> str:
    """The organisation's name, trimmed; an error for a name no page could show plainly."""
    name = " ".join(value.split())
    if _control(name) or len(name) > MAX_ORGANISATION:
        raise SettingError(f"{ORGANISATION_OPTION}: {value[:60]!r} is not usable: give the "
                           f"organisation's name as plain text of at most {MAX_ORGANISATION} "
                           "characters")
    return name


def checked_url(value: str) -> str:
    """The notice's address as given; an error unless https (or http on this machine)."""
    url = value.strip()
    problem = _url_problem(url)
    if problem:
        raise SettingError(f"{URL_OPTION}: {url[:80]!r} is not usable: {problem}")
    return url


def _url_problem(url: str) -> str | None:
    if len(url) > MAX_URL or _control(url) or any(ch.isspace() for ch in url):
        return f"write one address of at most {MAX_URL} characters, without spaces"
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # a bad port raises here
    except ValueError:
        return "it is not a web address"
    if parts.scheme not in ("https", "http") or not host:
        return "give the whole address, starting https://"
    if parts.username is not None or parts.password is not None:
        return "an address with a user name or password in it is not shown to learners"
    if parts.scheme == "http" and host not in LOOPBACK_HOSTS:
        return "use https:// (http:// only for this machine, in tests)"
    return None


def privacy_notice(organisation: str = "", url: str = "") -> PrivacyNotice:
    """The two settings checked together: a :class:`SettingError` names what to change."""
    name = checked_organisation(organisation) if organisation.strip() else ""
    address = checked_url(url) if url.strip() else ""
    if address and not name:
        raise SettingError(f"{URL_OPTION} is set without {ORGANISATION_OPTION}: set the "
                           "organisation whose privacy notice it is")
    return PrivacyNotice(name, address)


def gap(notice: PrivacyNotice) -> str | None:
    """The warning logged once at start when the live rooms run without both settings (None when
    both are set): learners are told to ask the facilitator, which does not give them the
    controller's name and privacy notice when their answers are collected."""
    missing = [option for option, value in ((ORGANISATION_OPTION, notice.organisation),
                                            (URL_OPTION, notice.url)) if not value]
    if not missing:
        return None
    return (f"Live rooms are on without {' or '.join(missing)}: the room pages cannot name the "
            "data controller for this site or link its privacy notice, so learners are told to "
            "ask the facilitator. For a live deployment set --organisation (the organisation that "
            "is the data controller for this site, not a supplier hosting it) and "
            "--privacy-notice-url (its privacy notice, https://): docs/deploy.md, "
            "\"Who is the data controller\".")
