"""``infoshare author add NAME --role ROLE``, ``link NAME``, ``role NAME ROLE`` and ``remove
NAME``: run on the server by whoever runs the site. ``add`` and ``link`` print a one-time link to
set a password (it works once, for 24 hours); ``role`` and ``remove`` take effect at the
account's next request (a removed account is signed out at once). The store is the one the
server uses (the same ``INFOSHARE_DATA_DIR`` or ``INFOSHARE_AUTHORS_URL``)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ...author_store.author_tables import LINK_HOURS, ROLES
from ..deploy_env import normal_base_url

SITE_VARIABLE = "INFOSHARE_SITE_URL"


def add_author_commands(commands: argparse._SubParsersAction) -> None:
    author = commands.add_parser(
        "author", help="author accounts: add, a new password link, change a role, remove",
        description="Author accounts for the author area (infoshare serve --authoring).")
    kinds = author.add_subparsers(dest="author_command", metavar="ACTION", required=True)
    add = kinds.add_parser("add", help="a new account; prints its one-time link")
    add.add_argument("name", metavar="NAME", help="lowercase letters, digits and . _ @ -")
    add.add_argument("--role", required=True, choices=ROLES)
    link = kinds.add_parser("link", help="a new one-time link for an account (a lost password)")
    link.add_argument("name", metavar="NAME")
    role = kinds.add_parser("role", help="give an account another role (from its next request)")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", metavar="ROLE", choices=ROLES, help=", ".join(ROLES))
    remove = kinds.add_parser("remove", help="remove an account (signed out at once; what it "
                              "published keeps its name)")
    remove.add_argument("name", metavar="NAME")
    for sub in (add, link):
        sub.add_argument("--site", metavar="URL",
                         help="the site's address as authors open it, e.g. "
                         "https://training.example.org/infoshare/ (or INFOSHARE_SITE_URL; "
                         "default http://127.0.0.1:8866/)")


def site_address(given: str | None) -> str:
    site = (given or os.environ.get(SITE_VARIABLE, "") or "http://127.0.0.1:8866/").strip()
    scheme, _, rest = site.partition("://")
    host, _, path = rest.partition("/")
    return f"{scheme}://{host}{normal_base_url(path)}"


def run_author(args: argparse.Namespace) -> int:
    from ...author_store.open_authors import open_author_store
    from .author_config import secret, take_author_secrets

    take_author_secrets()
    store = open_author_store(url=secret("INFOSHARE_AUTHORS_URL"))
    try:
        if args.author_command in ("role", "remove"):
            return _change(store, args)
        token = _link(store, args)
    finally:
        store.close()
    if token is None:
        return 1
    print(f"Give this link to {args.name} (it works once, for {LINK_HOURS:g} hours; anyone "
          "who has it can set the password):", file=sys.stderr)
    print(f"{site_address(args.site)}author/set-password?token={token}")
    return 0


def _link(store: Any, args: argparse.Namespace) -> str | None:
    """``add`` or ``link``: the new link's token (None: said why on stderr)."""
    from ...author_store.accounts import AccountExists

    if args.author_command == "add":
        try:
            return str(store.add_account(args.name, args.role))
        except AccountExists:
            print(f"infoshare: there is already an account {args.name!r} "
                  f"(`infoshare author link {args.name}` makes a new link)", file=sys.stderr)
            return None
    found = store.new_link(args.name)
    if found is None:
        print(f"infoshare: no account {args.name!r}", file=sys.stderr)
    return found


def _change(store: Any, args: argparse.Namespace) -> int:
    """``role`` or ``remove``: 0 when done, 1 when there is no such account."""
    if args.author_command == "role":
        done = store.set_role(args.name, args.role)
        said = f"{args.name} is now {args.role} (from their next request)"
    else:
        done = store.remove_account(args.name)
        said = f"{args.name} is removed and signed out"
    if not done:
        print(f"infoshare: no account {args.name!r}", file=sys.stderr)
        return 1
    print(said, file=sys.stderr)
    return 0
