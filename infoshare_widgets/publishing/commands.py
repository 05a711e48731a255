"""The command line's publishing part: `infoshare export` and `import`, and `--overlay` for
`validate` and `review` (the published items they read with the content)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..content.loader import default_content_dir
from ..content.overlay import OFF, default_overlay_dir
from ..content.problems import display_path
from .exchange import export_overlay, import_overlay
from .publish_store import Author, PublishStore

IMPORT_ROLE = "import"
"""The role recorded for a version made by `infoshare import` (someone with the server's shell)."""


def add_overlay_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--overlay", metavar="DIR",
                        help="the published items read over the content (default: "
                        "INFOSHARE_OVERLAY, else INFOSHARE_DATA_DIR/published, if it exists; "
                        f"'{OFF}' for none)")


def overlay_of(args: argparse.Namespace) -> Path | None:
    """The overlay a command reads: ``--overlay``, else the default; None for 'off'."""
    named = getattr(args, "overlay", None)
    if named is None:
        return default_overlay_dir()
    return None if named.strip().lower() == OFF else Path(named).expanduser().resolve()


def add_commands(commands: argparse._SubParsersAction,
                 readers: tuple[argparse.ArgumentParser, ...] = ()) -> None:
    """`export` and `import`; ``--overlay`` on the ``readers`` (validate, review) too."""
    for reader in readers:
        add_overlay_argument(reader)
    out = commands.add_parser(
        "export", help="copy the published items and their history to a zip or a folder",
        description="Write the overlay (published items and every version) to FILE.zip or a new "
        "folder, for a backup or to keep in git.")
    out.add_argument("target", type=Path, metavar="FILE.zip|DIR", help="must not exist yet")
    add_overlay_argument(out)
    into = commands.add_parser(
        "import", help="publish the items in an export (a zip or a folder)",
        description="Publish every item in SOURCE (case_studies/, quizzes/, scenarios/), each "
        "checked like a publish from the author area and recorded as a version.")
    into.add_argument("source", type=Path, metavar="SOURCE", help="a zip or a folder")
    into.add_argument("--content", type=Path, metavar="DIR",
                      help="content folder (default: the one `infoshare serve` uses)")
    into.add_argument("--account", default=None,
                      help="who is recorded as publishing (default: your login name)")
    add_overlay_argument(into)


def run(args: argparse.Namespace) -> int:
    """`export` or `import`; 0 when done, 1 with every problem printed."""
    overlay = overlay_of(args)
    if overlay is None:
        print("infoshare: there is no overlay to use ('--overlay off')", file=sys.stderr)
        return 1
    if args.command == "export":
        count = export_overlay(overlay, args.target)
        print(f"wrote {count} files from {display_path(overlay)} to {display_path(args.target)}")
        return 0
    store = PublishStore(args.content or default_content_dir(), overlay)
    result = import_overlay(args.source, store, Author(args.account or getpass.getuser(),
                                                       IMPORT_ROLE))
    for version in result.published:
        print(f"published {version.kind}/{version.item_id} (version {version.number})")
    for problem in result.problems:
        print(str(problem))
    print(f"{len(result.published)} published, {len(result.unchanged)} unchanged, "
          f"{len(result.problems)} problem(s)", file=sys.stderr)
    return 1 if result.problems else 0
