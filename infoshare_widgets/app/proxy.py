"""Behind a reverse proxy: who the visitor is, and whether a request came through the proxy.

A proxy (nginx) connects to the app from its own address, so every learner would look like one
client and share one address's page limit. The app believes ``X-Forwarded-For`` and
``X-Forwarded-Proto`` only from the proxies it is told about (``--trusted-proxy``, addresses or
networks); from anyone else the headers are ignored, so a visitor cannot pick their own address
to get round the per-address limit.

Requests that came through a proxy (any ``X-Forwarded-For`` or ``Forwarded`` header) are never
"from this machine", even when the proxy runs on it: the visit query socket and ``/metrics`` are
for local callers only.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

LOOPBACK: tuple[Network, ...] = (ipaddress.ip_network("127.0.0.0/8"),
                                 ipaddress.ip_network("::1/128"))
FORWARDED_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def networks(specs: Iterable[str]) -> tuple[Network, ...]:
    """`10.0.0.5`, `10.0.0.0/8`, `::1`, `loopback` -> networks; a bad entry is a ValueError."""
    found: list[Network] = []
    for spec in specs:
        spec = spec.strip()
        if not spec:
            continue
        if spec == "loopback":
            found.extend(LOOPBACK)
        else:
            found.append(ipaddress.ip_network(spec, strict=False))
    return tuple(found)


def in_networks(address: str, nets: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in nets)


def client_address(remote_ip: str, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The visitor's address: from ``X-Forwarded-For`` when the peer is a trusted proxy.

    The header is read from the right (each proxy appends the address it saw) and the first
    address that is not itself a trusted proxy is the visitor; a malformed entry stops the walk
    at the last address we can vouch for.
    """
    if not forwarded_for or not trusted or not in_networks(remote_ip, trusted):
        return remote_ip
    current = remote_ip
    for entry in reversed(forwarded_for.split(",")):
        candidate = entry.strip()
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            return current
        current = candidate
        if not in_networks(candidate, trusted):
            return candidate
    return current


def was_forwarded(request: Any) -> bool:
    """Whether a request says it came through a proxy (trusted or not)."""
    return any(request.headers.get(name) for name in FORWARDED_HEADERS)


def request_client(handler: Any) -> str:
    """The visitor's address for a tornado handler (see :func:`client_address`)."""
    request = handler.request
    trusted = handler.settings.get("infoshare_trusted_proxies", ())
    return client_address(request.remote_ip or "", request.headers.get("X-Forwarded-For"),
                          trusted)


def request_is_https(handler: Any) -> bool:
    """HTTPS to the server, or to a trusted proxy that says so (``X-Forwarded-Proto``)."""
    request = handler.request
    if request.protocol == "https":
        return True
    trusted = handler.settings.get("infoshare_trusted_proxies", ())
    proto = (request.headers.get("X-Forwarded-Proto") or "").split(",")[0].strip().lower()
    return proto == "https" and in_networks(request.remote_ip or "", trusted)


THIS_MACHINE = frozenset({"127.0.0.1", "::1", "::ffff:127.0.0.1"})


def from_this_machine(request: Any) -> bool:
    """A direct request from 127.0.0.1 or ::1 (where kernels connect from; other 127.x
    addresses are other clients in the tests), not relayed by a proxy on this machine."""
    return (request.remote_ip or "") in THIS_MACHINE and not was_forwarded(request)
