"""What the server says at start when the author area is on: where it is and who can reach it
(plain http from this machine only; anyone else through HTTPS, directly or from a trusted proxy
that sends ``X-Forwarded-Proto: https``)."""

from __future__ import annotations

from collections.abc import Sequence

LOOPBACK_IPS = ("127.0.0.1", "::1", "localhost")


def authoring_notice(ip: str, base_url: str, trusted_proxies: Sequence[str], sso: bool) -> str:
    where = f"{base_url}author"
    ways = "author accounts and single sign-on" if sso else "author accounts"
    if ip in LOOPBACK_IPS and not trusted_proxies:
        reach = ("plain http is accepted from this computer only; for other computers put it "
                 "behind HTTPS (see docs/deploy.md)")
    elif trusted_proxies:
        reach = ("it answers only requests that arrive over HTTPS: the trusted proxy must send "
                 "X-Forwarded-Proto: https (plain http works from this computer only)")
    else:
        reach = ("WARNING: this server listens beyond this computer without a trusted proxy; "
                 "the author area refuses every plain-http visitor from another computer: serve "
                 "it behind an HTTPS proxy (--trusted-proxy) as docs/deploy.md says")
    return f"Author area on at {where} ({ways}): {reach}."
