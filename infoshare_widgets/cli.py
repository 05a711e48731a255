"""The `infoshare` command: check content, serve the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import default_content_dir, load_content
from .content.loader import display_path


def validate(directory: Path | None) -> int:
    """Print every problem in a content folder; 0 when sound, 1 otherwise."""
    content = load_content(directory)
    where = display_path(content.root)
    if content.problems:
        for problem in content.problems:
            print(problem)
        n = len(content.problems)
        print(f"\n{n} problem{'s' if n != 1 else ''} in {where}", file=sys.stderr)
        return 1
    counts = (f"{len(content.sections)} sections, {len(content.topics)} topics, "
              f"{len(content.case_studies)} case studies, {len(content.quizzes)} quizzes")
    print(f"{where}: content is sound ({counts})")
    return 0


def reference(output: Path | None, check: bool) -> int:
    """Write the authoring reference from the models, or (--check) fail if it is stale."""
    from .content.reference import DOC_PATH, reference_is_current, write_reference

    path = output or DOC_PATH
    if check:
        if reference_is_current(path):
            print(f"{display_path(path)} is up to date")
            return 0
        print(f"{display_path(path)} is out of date: run `infoshare reference` to regenerate it",
              file=sys.stderr)
        return 1
    changed = write_reference(path)
    print(f"{'wrote' if changed else 'unchanged:'} {display_path(path)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="infoshare",
        description="Interactive training on information sharing to safeguard children and "
        "adults at risk.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "validate", help="check a content folder and list every problem",
        description="Check a content folder. Prints every problem as file:line: field: message; "
        "exits 0 when the content is sound and 1 otherwise.")
    check.add_argument("directory", nargs="?", type=Path, metavar="DIR",
                       help=f"content folder (default: {display_path(default_content_dir())})")
    ref = commands.add_parser(
        "reference", help="write docs/authoring.md from the schema",
        description="Generate the trainers' authoring reference from the content models.")
    ref.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 if the reference is out of date")
    ref.add_argument("--output", type=Path, metavar="FILE",
                     help="where to write it (default: docs/authoring.md)")
    serve = commands.add_parser(
        "serve", help="serve the app with Voila",
        description="Serve the training as a web app at http://127.0.0.1:PORT/.")
    serve.add_argument("--content", type=Path, metavar="DIR",
                       help="serve another content folder (or set INFOSHARE_CONTENT)")
    serve.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")
    serve.add_argument("--max-kernels", type=int, metavar="N",
                       help="kernels at once, pools included; then a busy page (default: sized "
                       "from memory)")
    serve.add_argument("--max-pages-per-client", type=int, metavar="N",
                       help="open pages one address may hold (default 12; 0: no limit)")
    serve.add_argument("--kernel-memory-mb", type=int, metavar="MB",
                       help="memory limit of each kernel process (default 1024)")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="a host name the server answers to, besides the loopback names "
                       "(repeat for more)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.directory)
        if args.command == "reference":
            return reference(args.output, args.check)
        if args.command == "serve":
            from .app.serve import serve

            return serve(content=args.content, port=args.port, open_browser=not args.no_browser,
                         max_kernels=args.max_kernels,
                         max_pages_per_client=args.max_pages_per_client,
                         kernel_memory_mb=args.kernel_memory_mb,
                         allowed_hosts=tuple(args.allow_host) or None)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a learner or trainer never sees a traceback
        print(f"infoshare: {type(err).__name__}: {err}", file=sys.stderr)
        return 2
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
