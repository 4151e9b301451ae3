"""The ``ropa`` command line (SPEC §8).

Output goes to standard output unless ``-o FILE`` is given. Failures print one line that says
what to do next and exit non-zero.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TextIO

from register.application.audit import check_integrity, export_lines, history, read_export
from register.application.service import RegisterApplication
from register.domain.chain import Held
from register.domain.errors import InvalidCommand, RegisterError
from register.domain.instants import parse_date, parse_instant
from register.importers.example import load_example
from register.presentation.markdown import render
from register.presentation.progress import ProgressBar
from register.store.queries import register_at
from register.store.tokens import ROLES

Handler = Callable[[argparse.Namespace, RegisterApplication], int]


def _open_output(path: str | None) -> AbstractContextManager[TextIO]:
    """The named file, or standard output (which must stay open afterwards)."""
    return open(path, "w", encoding="utf-8") if path else nullcontext(sys.stdout)


def cmd_load_example(args: argparse.Namespace, app: RegisterApplication) -> int:
    print("Loading the example register (Opgelucht, 24 October 2023):")
    added = load_example(app)
    if added:
        print(f"Added {added} entries.")
    else:
        print("The example register is already loaded; nothing changed.")
    return 0


def cmd_register(args: argparse.Namespace, app: RegisterApplication) -> int:
    moment = app.moment(
        parse_date(args.as_of, "as_of") if args.as_of else None,
        parse_instant(args.known_at, "known_at") if args.known_at else None,
    )
    with app.connect() as connection:
        register = register_at(connection, moment)
    text = (
        render(register, args.lang)
        if args.format == "md"
        else json.dumps(register, ensure_ascii=False, indent=2) + "\n"
    )
    with _open_output(args.output) as out:
        out.write(text)
    return 0


def cmd_history(args: argparse.Namespace, app: RegisterApplication) -> int:
    entry_id = _entry_id(args.id)
    kind = app.kind_of(entry_id)
    print(json.dumps(history(app, kind, entry_id), ensure_ascii=False, indent=2))
    return 0


def cmd_verify(args: argparse.Namespace, app: RegisterApplication) -> int:
    if (args.position is None) != (args.digest is None):
        raise InvalidCommand(
            {"digest": ["--position and --digest go together"]},
            detail="Give both --position and --digest, as a register answer's history shows them.",
        )
    held = Held(args.position, args.digest) if args.position is not None else None
    verdict = check_integrity(app, held)
    if verdict.finding is None:
        print(f"intact: {verdict.count} events, head digest {verdict.head_digest}")
        return 0
    finding = verdict.finding
    print(
        f"NOT intact: event at position {finding.position} {finding.problem} "
        f"({verdict.count} events verified before it)"
    )
    return 1


def cmd_rebuild(args: argparse.Namespace, app: RegisterApplication) -> int:
    bar = ProgressBar("Rebuilding the read model")
    position = app.rebuild(progress=bar)
    bar.finish()
    print(f"Read model rebuilt up to position {position}.")
    return 0


def cmd_export(args: argparse.Namespace, app: RegisterApplication) -> int:
    count = 0
    with open(args.file, "w", encoding="utf-8") as out:
        for line in export_lines(app):
            out.write(line + "\n")
            count += 1
    print(f"Exported {count} events to {args.file}.")
    return 0


def cmd_import(args: argparse.Namespace, app: RegisterApplication) -> int:
    bar = ProgressBar("Importing events")
    with open(args.file, encoding="utf-8") as source:
        count = app.import_events(read_export(source), progress=bar)
    bar.finish()
    verdict = check_integrity(app)
    print(f"Imported {count} events; head digest {verdict.head_digest}.")
    return 0


def cmd_token_create(args: argparse.Namespace, app: RegisterApplication) -> int:
    expires = parse_date(args.expires, "expires") if args.expires else None
    info, secret = app.tokens.create(args.role, args.name, expires)
    print(f"Created {info.role} token {info.id} for {info.name!r}; it is shown only once:")
    print(secret)
    return 0


def cmd_token_list(args: argparse.Namespace, app: RegisterApplication) -> int:
    for info in app.tokens.list():
        state = "revoked" if info.revoked_at else f"expires {info.expires_on or 'never'}"
        print(f"{info.id}  {info.role:<8} {info.name}  ({state})")
    return 0


def cmd_token_revoke(args: argparse.Namespace, app: RegisterApplication) -> int:
    info = app.tokens.revoke(args.id)
    print(f"Revoked token {info.id} ({info.name}).")
    return 0


def cmd_serve(args: argparse.Namespace, app: RegisterApplication) -> int:
    from api.serve import serve, serve_example

    if args.example:
        serve_example(app, args.host, args.port)
    else:
        serve(app, args.host, args.port)
    return 0


def _entry_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidCommand({"id": ["must be an entry id (a UUID)"]}) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ropa",
        description="The register of processing activities (GDPR Article 30). "
        "The database comes from ROPA_DATABASE_URL (default: sqlite:///var/ropa.db).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    serve = add("serve", cmd_serve, "Serve the REST API.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--example",
        action="store_true",
        help="load the example register if missing and print tokens and curl lines to try",
    )
    add("load-example", cmd_load_example, "Load the example register (idempotent).")
    reg = add("register", cmd_register, "Print the register at a point in time.")
    reg.add_argument("--as-of", help="valid time, YYYY-MM-DD (default: today)")
    reg.add_argument("--known-at", help="transaction time, RFC 3339 or a date (default: now)")
    reg.add_argument("--format", choices=("json", "md"), default="json")
    reg.add_argument("--lang", choices=("nl", "en"), default="en")
    reg.add_argument("-o", "--output", help="write to this file instead of standard output")
    hist = add("history", cmd_history, "Print every event of one entry, before → after.")
    hist.add_argument("id")
    verify = add("verify", cmd_verify, "Recompute the hash chain over the whole history.")
    verify.add_argument(
        "--position", type=int, help="with --digest: a history position you were given"
    )
    verify.add_argument(
        "--digest", help="the head digest given with that position; verify checks it still holds"
    )
    add("rebuild", cmd_rebuild, "Drop the read model and rebuild it from the events.")
    export = add("export-events", cmd_export, "Write every event to FILE as JSON Lines.")
    export.add_argument("file")
    imp = add("import-events", cmd_import, "Import an export into an empty store.")
    imp.add_argument("file")
    token = commands.add_parser("token", help="Create, list and revoke API tokens.")
    token_commands = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = token_commands.add_parser("create", help="create a token; prints it once")
    create.add_argument("--role", choices=ROLES, required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--expires", help="last day the token works, YYYY-MM-DD")
    create.set_defaults(handler=cmd_token_create)
    token_commands.add_parser("list", help="list tokens").set_defaults(handler=cmd_token_list)
    revoke = token_commands.add_parser("revoke", help="revoke a token by id")
    revoke.add_argument("id")
    revoke.set_defaults(handler=cmd_token_revoke)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        app = RegisterApplication()
    except Exception as error:
        print(
            f"ropa: cannot open the database ({error}); check ROPA_DATABASE_URL.", file=sys.stderr
        )
        return 1
    try:
        return int(args.handler(args, app))
    except RegisterError as error:
        print(f"ropa: {error.detail}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except OSError as error:
        print(f"ropa: {error.strerror}: {error.filename}", file=sys.stderr)
        return 1
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(main())
