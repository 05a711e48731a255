"""`infoshare serve`'s deployment settings, from the command line or from the environment.

Containers and systemd units set environment variables rather than arguments; each option of
`infoshare serve` has one (``INFOSHARE_IP``, ``INFOSHARE_BASE_URL`` ...). An argument given on
the command line wins over the variable. Loopback (127.0.0.1) at ``/`` stays the default.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

from .privacy_notice import privacy_notice
from .proxy import networks

# option (ServerSettings field) -> (environment variable, parser of its text)
_LIST = "list"
ENVIRONMENT: dict[str, tuple[str, Callable[[str], Any] | str]] = {
    "port": ("INFOSHARE_PORT", int),
    "ip": ("INFOSHARE_IP", str),
    "base_url": ("INFOSHARE_BASE_URL", str),
    "allowed_hosts": ("INFOSHARE_ALLOW_HOSTS", _LIST),
    "trusted_proxies": ("INFOSHARE_TRUSTED_PROXIES", _LIST),
    "metrics_from": ("INFOSHARE_METRICS_FROM", _LIST),
    "max_kernels": ("INFOSHARE_MAX_KERNELS", int),
    "max_pages_per_client": ("INFOSHARE_MAX_PAGES_PER_CLIENT", int),
    "kernel_memory_mb": ("INFOSHARE_KERNEL_MEMORY_MB", int),
    "drain_seconds": ("INFOSHARE_DRAIN_SECONDS", float),
    "room": ("INFOSHARE_ROOM", int),
    "authoring": ("INFOSHARE_AUTHORING", "flag"),
    "organisation": ("INFOSHARE_ORGANISATION", str),
    "privacy_notice_url": ("INFOSHARE_PRIVACY_NOTICE_URL", str),
}
BASE_URL = re.compile(r"/([A-Za-z0-9._~-]+/)*")


def normal_base_url(value: str) -> str:
    """``infoshare``, ``/infoshare`` and ``/infoshare/`` -> ``/infoshare/``; a bad path is an
    error (it would end up in every link, cookie and redirect)."""
    path = "/" + value.strip().strip("/") + "/" if value.strip("/ ") else "/"
    path = path.replace("//", "/")
    if not BASE_URL.fullmatch(path) or "/../" in path or "/./" in path:
        raise ValueError(f"not a usable base URL: {value!r} (use letters, digits, . _ ~ - and /)")
    return path


def add_arguments(serve: argparse.ArgumentParser) -> None:
    """The deployment options of `infoshare serve` (each also an INFOSHARE_* variable)."""
    serve.add_argument("--ip", metavar="ADDR",
                       help="address to listen on (default 127.0.0.1: this computer only; "
                       "0.0.0.0 for every network; or INFOSHARE_IP)")
    serve.add_argument("--base-url", metavar="PATH",
                       help="serve under a path, e.g. /infoshare/ behind a proxy (default /; "
                       "or INFOSHARE_BASE_URL)")
    serve.add_argument("--trusted-proxy", action="append", default=[], metavar="NET",
                       help="a proxy whose X-Forwarded-For is believed (address or network; "
                       "`loopback`; repeat; or INFOSHARE_TRUSTED_PROXIES, comma-separated)")
    serve.add_argument("--metrics-from", action="append", default=[], metavar="NET",
                       help="a network that may read /metrics besides this computer (repeat; "
                       "or INFOSHARE_METRICS_FROM)")
    serve.add_argument("--authoring", action="store_true", default=None,
                       help="serve the author area at author/: trainers sign in to build and "
                       "publish (or INFOSHARE_AUTHORING=1; see docs/deploy.md)")
    serve.add_argument("--organisation", metavar="NAME",
                       help="the organisation that is the data controller for this site (not a "
                       "supplier hosting it), named on the room pages as "
                       "responsible for the answers (or INFOSHARE_ORGANISATION)")
    serve.add_argument("--privacy-notice-url", metavar="URL",
                       help="its privacy notice, linked from the room pages: https:// (or "
                       "INFOSHARE_PRIVACY_NOTICE_URL)")
    serve.add_argument("--drain-seconds", type=float, metavar="S",
                       help="on SIGTERM, how long open pages keep working while new ones are "
                       "refused (default 30; or INFOSHARE_DRAIN_SECONDS)")


def _parse(option: str, text: str) -> Any:
    variable, kind = ENVIRONMENT[option]
    if kind == _LIST:
        return tuple(item.strip() for item in text.split(",") if item.strip())
    if kind == "flag":
        if text.lower() not in ("1", "true", "yes", "0", "false", "no"):
            raise ValueError(f"{variable}={text!r}: use 1 or 0")
        return text.lower() in ("1", "true", "yes")
    try:
        return kind(text)  # type: ignore[operator]
    except ValueError as err:
        raise ValueError(f"{variable}={text!r} is not a valid value") from err


def serve_options(args: argparse.Namespace,
                  environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """ServerSettings fields from the arguments, then the environment; unset ones left out."""
    env = os.environ if environ is None else environ
    given: dict[str, Any] = {
        "port": args.port, "ip": args.ip, "base_url": args.base_url,
        "allowed_hosts": tuple(args.allow_host) or None,
        "trusted_proxies": tuple(args.trusted_proxy) or None,
        "metrics_from": tuple(args.metrics_from) or None,
        "max_kernels": args.max_kernels, "max_pages_per_client": args.max_pages_per_client,
        "kernel_memory_mb": args.kernel_memory_mb, "drain_seconds": args.drain_seconds,
        "room": getattr(args, "room", None),
        "authoring": getattr(args, "authoring", None),
        "organisation": getattr(args, "organisation", None),
        "privacy_notice_url": getattr(args, "privacy_notice_url", None),
    }
    options: dict[str, Any] = {}
    for option, value in given.items():
        variable = ENVIRONMENT[option][0]
        if value is None and env.get(variable, "").strip():
            value = _parse(option, env[variable].strip())
        if value is not None:
            options[option] = value
    if "base_url" in options:
        options["base_url"] = normal_base_url(options["base_url"])
    for option in ("trusted_proxies", "metrics_from"):
        networks(options.get(option, ()))  # a typo is an error now, not at the first request
    notice = privacy_notice(options.get("organisation", ""),
                            options.get("privacy_notice_url", ""))  # a bad address: an error now
    options.update({k: v for k, v in (("organisation", notice.organisation),
                                      ("privacy_notice_url", notice.url)) if v})
    return options
