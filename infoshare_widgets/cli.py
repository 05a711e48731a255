"""The `infoshare` command: check content, write the review pack and new content, serve the app."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .app.author import author_command as authors
from .app.deploy_env import add_arguments as add_deploy_arguments
from .content import default_content_dir, load_content
from .content.problems import display_path
from .publishing import commands as publishing


def validate(directory: Path | None, today: date | None = None, overlay: Path | None = None) -> int:
    """Print every problem in a content folder; 0 when sound, 1 otherwise (never a traceback):
    what `load_content` did not turn into a problem is caught here. Warnings (a review or a
    source's check over 12 months old, a plain-text source, a question citing the law without a
    source) never change the exit code. ``overlay``: published items read over the content."""
    from .content.citations import uncited_law_warnings
    from .content.review import review_warnings, stale_source_warnings
    from .content.sources import source_warnings

    try:
        content = load_content(directory, overlay)
    except Exception as err:  # RecursionError and MemoryError included
        where = display_path(Path(directory) if directory else default_content_dir())
        print(f"{where}: could not be checked ({type(err).__name__})")
        print(f"\n1 problem in {where}", file=sys.stderr)
        return 1
    where = display_path(content.root)
    today = today or date.today()
    for warning in review_warnings(content, today):
        print(f"warning: {where}/{warning}", file=sys.stderr)
    for warning in [*content.warnings, *source_warnings(content),
                    *stale_source_warnings(content, today), *uncited_law_warnings(content)]:
        print(_printable(f"warning: {warning}"))
    if content.problems:
        for problem in content.problems:
            print(_printable(str(problem)))
        n = len(content.problems)
        print(f"\n{n} problem{'s' if n != 1 else ''} in {where}", file=sys.stderr)
        return 1
    counts = (f"{len(content.sections)} sections, {len(content.topics)} topics, "
              f"{len(content.case_studies)} case studies, {len(content.quizzes)} quizzes"
              + (f", {len(content.changed_locally)} published here" if content.overlay else ""))
    print(f"{where}: content is sound ({counts})")
    return 0


def review(directory: Path | None, out: Path | None, today: date | None = None,
           overlay: Path | None = None) -> int:
    """Write the review pack (one HTML file) and print its path; 1 if the content has problems
    (the pack is still written, and names them: what did not load is not in it)."""
    from .content.review_html import default_pack_name, review_html, review_words
    from .content.review_pack import review_pack

    content = load_content(directory, overlay)
    if not content.root.is_dir():
        print(f"{display_path(content.root)}: content folder not found", file=sys.stderr)
        return 1
    pack = review_pack(content)
    out = out or Path.cwd() / default_pack_name(pack.version)
    out.write_text(review_html(pack, review_words(content), today or date.today()),
                   encoding="utf-8")
    print(_printable(display_path(out.resolve())))
    if content.problems:
        n = len(content.problems)
        print(f"{n} problem{'s' if n != 1 else ''} in {display_path(content.root)}: the pack "
              "names them and leaves out what did not load; fix them (`infoshare validate`) "
              "before sign-off", file=sys.stderr)
        return 1
    return 0


def _printable(text: str) -> str:
    """Control characters (a file name can hold an escape sequence) shown as ``\\x1b``."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def reference(output: Path | None, check: bool) -> int:
    """Write the authoring reference from the models, or (--check) fail if it is stale."""
    from .content.reference import DOC_PATH, reference_is_current, write_reference

    path = output or DOC_PATH
    if check:
        if reference_is_current(path):
            print(f"{display_path(path)} is up to date")
            return 0
        print(f"{display_path(path)} is out of date: run `infoshare reference`", file=sys.stderr)
        return 1
    changed = write_reference(path)
    print(f"{'wrote' if changed else 'unchanged:'} {display_path(path)}")
    return 0


def scaffold(args: argparse.Namespace) -> int:
    """`infoshare new ...` and `init-content`: write, or say in a sentence why nothing was."""
    from .content import scaffold as sc

    try:
        if args.command == "init-content":
            path = sc.init_content(args.directory)
            print(f"copied the content to {display_path(path)}; serve it with "
                  f"`infoshare serve --content {display_path(path)}`")
            return 0
        if args.kind == "case-study":
            path = sc.new_case_study(args.id, args.name, args.audience, args.content)
        elif args.kind == "quiz":
            path = sc.new_quiz(args.id, args.section, args.content)
        else:
            path = sc.new_scenario(args.id, args.content)
    except sc.ScaffoldError as err:
        print(f"infoshare: {_printable(str(err))}", file=sys.stderr)
        return 1
    what = "added a draft scenario to" if args.kind == "lawful-basis-scenario" else "wrote"
    print(f"{what} {display_path(path)}: replace the [bracketed] text, run `infoshare validate`, "
          "and delete `draft: true` when it is ready for learners")
    return 0


def _add_scaffold_commands(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new", help="write a new draft case study, quiz or lawful-basis scenario",
        description="Write a new item with every field, placeholders and comments, marked "
        "`draft: true` (learners do not see it until you delete that line). Never overwrites.")
    kinds = new.add_subparsers(dest="kind", metavar="KIND", required=True)
    case = kinds.add_parser("case-study", help="content/case_studies/ID.yaml")
    case.add_argument("--name", required=True, help="the case study's title, e.g. Sam")
    case.add_argument("--audience", required=True, choices=["children", "adults"])
    quiz = kinds.add_parser("quiz", help="content/quizzes/ID.yaml")
    quiz.add_argument("--section", required=True, metavar="SECTION",
                      help="what-is-it, children, adults, tips or case-studies")
    scenario = kinds.add_parser("lawful-basis-scenario",
                                help="a scenario added to lawful_basis_scenarios.yaml")
    for sub in (case, quiz, scenario):
        sub.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens")
        sub.add_argument("--content", type=Path, metavar="DIR",
                         help="content folder (default: the one `infoshare serve` uses)")
    init = commands.add_parser(
        "init-content", help="copy the shipped content to a new folder of your own",
        description="Copy the shipped content to DIR as a starting point; then edit it and "
        "run `infoshare serve --content DIR`.")
    init.add_argument("directory", type=Path, metavar="DIR", help="a folder that does not exist")


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
    pack = commands.add_parser(
        "review", help="write the review pack: every statement of law beside its source",
        description="Write one printable HTML file listing every statement of law written for "
        "this course beside its source, page by page, and the sources that could not be "
        "verified, for a partnership to read and sign off (docs/sign-off.md). Prints its path.")
    pack.add_argument("directory", nargs="?", type=Path, metavar="DIR",
                      help=f"content folder (default: {display_path(default_content_dir())})")
    pack.add_argument("--out", type=Path, metavar="FILE",
                      help="where to write it (default: infoshare-review-VERSION.html in the "
                      "current folder)")
    publishing.add_commands(commands, readers=(check, pack))
    serve = commands.add_parser(
        "serve", help="serve the app with Voila",
        description="Serve the training as a web app at http://127.0.0.1:PORT/.")
    serve.add_argument("--content", type=Path, metavar="DIR",
                       help="serve another content folder (or set INFOSHARE_CONTENT)")
    serve.add_argument("--port", type=int, help="port (default 8866; or INFOSHARE_PORT)")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")
    serve.add_argument("--max-kernels", type=int, metavar="N", help="kernels at once, pools "
                       "included; then a busy page (default: sized from memory)")
    serve.add_argument("--max-pages-per-client", type=int, metavar="N",
                       help="open pages one address may hold (default 12; 0: no limit)")
    serve.add_argument("--kernel-memory-mb", type=int, metavar="MB",
                       help="memory limit of each kernel process (default 1024)")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME", help="a "
                       "host name the server answers to, besides the loopback names (repeat)")
    add_deploy_arguments(serve)
    serve.add_argument("--room", type=int, metavar="N", default=None,
                       help="ready for N learners opening a page together: pools and limits "
                       "sized for them (or INFOSHARE_ROOM)")
    lab = commands.add_parser(
        "lab", help="edit content and preview pages in JupyterLab (this computer only)",
        description="JupyterLab at http://127.0.0.1:PORT/ with the content and notebooks; "
        "'Render with Voila' in a notebook's toolbar previews the page as learners see it.")
    lab.add_argument("--content", type=Path, metavar="DIR",
                     help="preview another content folder (or set INFOSHARE_CONTENT)")
    lab.add_argument("--port", type=int, default=8888, help="port (default 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    _add_scaffold_commands(commands)
    authors.add_author_commands(commands)  # infoshare author add / link / role / remove
    return parser


def _lab(args: argparse.Namespace) -> int:
    from .app.lab import lab
    return lab(content=args.content, port=args.port, open_browser=not args.no_browser)


def _serve(args: argparse.Namespace) -> int:
    from .app.deploy_env import serve_options
    from .app.serve import serve
    return serve(content=args.content, open_browser=not args.no_browser, **serve_options(args))


COMMANDS = {  # command -> what runs it (the server's modules are imported only to serve)
    "validate": lambda a: validate(a.directory, overlay=publishing.overlay_of(a)),
    "review": lambda a: review(a.directory, a.out, overlay=publishing.overlay_of(a)),
    "export": publishing.run, "import": publishing.run,
    "reference": lambda a: reference(a.output, a.check),
    "author": authors.run_author, "new": scaffold, "init-content": scaffold,
    "lab": _lab, "serve": _serve,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = COMMANDS.get(args.command)
    if command is None:
        return parser.print_help() or 0
    try:
        return command(args)
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a learner or trainer never sees a traceback
        print(f"infoshare: {type(err).__name__}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
