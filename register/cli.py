"""The ``ropa`` command line (SPEC §8).

Output goes to standard output unless ``-o FILE`` is given. Failures print one line that says
what to do next and exit non-zero.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
import sys
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TextIO

from register.application.checks import Checks
from register.application.diffs import (
    diff_document,
    diff_moments,
    register_diff,
    statement_changes,
)
from register.application.facade import Reader
from register.application.followups import FollowUps, MarkFollowUp
from register.application.maintenance import read_export
from register.application.notices import subprocessor_notices
from register.application.service import Service
from register.application.statements import statement_at
from register.bootstrap import bootstrap
from register.domain.catalogue.followup import MARK_STATUSES
from register.domain.chain import Held
from register.domain.errors import ConfigurationError, InvalidCommand, RegisterError
from register.domain.instants import not_later_than, parse_date, parse_instant
from register.domain.statement import LANGUAGES as STATEMENT_LANGUAGES
from register.domain.views import Moment
from register.importers.example import load_example
from register.presentation.diff_html import render_diff_html
from register.presentation.diff_markdown import render_diff
from register.presentation.markdown import render
from register.presentation.progress import ProgressBar
from register.presentation.statement_html import render_html
from register.presentation.statement_markdown import render_markdown, statement_json
from register.presentation.subprocessor_letters import render as render_letters
from register.presentation.work_list import render_work_list
from register.settings import DEFAULT_DATABASE_URL, Settings
from register.store.tokens import ROLES

Handler = Callable[[argparse.Namespace, Service], int]
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]
# Adds the commands of an outer layer, such as the web layer's ``serve``: this package may not
# import that layer, so the layer's own entry point extends this parser instead.
Extension = Callable[[AddCommand], None]


def _open_output(path: str | None) -> AbstractContextManager[TextIO]:
    """The named file, or standard output (which must stay open afterwards)."""
    return open(path, "w", encoding="utf-8") if path else nullcontext(sys.stdout)


def _asked_moment(args: argparse.Namespace, reader: Reader) -> Moment:
    """The moment of ``--as-of`` and ``--known-at``; a known-at that has not passed is refused."""
    known_at = parse_instant(args.known_at, "known_at") if args.known_at else None
    return reader.moment(
        parse_date(args.as_of, "as_of") if args.as_of else None,
        not_later_than(known_at, reader.now(), "known_at") if known_at else None,
    )


def _asked_moments(args: argparse.Namespace, reader: Reader) -> tuple[Moment, Moment]:
    """The two moments of ``--from``, ``--to`` and their ``--…-known-at``."""
    return diff_moments(
        reader,
        parse_date(args.from_, "from"),
        parse_date(args.to, "to"),
        parse_instant(args.from_known_at, "from_known_at") if args.from_known_at else None,
        parse_instant(args.to_known_at, "to_known_at") if args.to_known_at else None,
    )


def cmd_load_example(args: argparse.Namespace, service: Service) -> int:
    print("Loading the example register (Opgelucht, statement of 24 October 2023):")
    try:
        loaded = load_example(service)
    except RegisterError as error:
        print(
            f"ropa: nothing was loaded: {error.detail.rstrip('.')}. Fix what it names, or "
            "load the example into an empty database (another ROPA_DATABASE_URL), then run "
            "'ropa load-example' again.",
            file=sys.stderr,
        )
        return 1
    if not loaded.changed:
        print("The example register is already loaded; nothing changed.")
    elif all(line.startswith("registered") for line in loaded.done):
        print(f"Added {loaded.changed} entries.")
    else:
        print(
            f"Recorded {loaded.changed} changes, effective on the statement's day, each with "
            "its reason; 'ropa history ID' shows them, and 'ropa register --known-at' shows "
            "the register as it was before."
        )
    if loaded.left_alone:
        print(f"Left {len(loaded.left_alone)} things alone, as listed above.")
    return 0


def cmd_register(args: argparse.Namespace, service: Service) -> int:
    known_at = parse_instant(args.known_at, "known_at") if args.known_at else None
    if known_at is not None:
        not_later_than(known_at, service.reader.now(), "known_at")
    moment = service.reader.moment(
        parse_date(args.as_of, "as_of") if args.as_of else None, known_at
    )
    register = service.reader.register(moment).as_json()
    text = (
        render(register, args.lang)
        if args.format == "md"
        else json.dumps(register, ensure_ascii=False, indent=2) + "\n"
    )
    with _open_output(args.output) as out:
        out.write(text)
    return 0


def cmd_statement(args: argparse.Namespace, service: Service) -> int:
    known_at = parse_instant(args.known_at, "known_at") if args.known_at else None
    if known_at is not None:
        not_later_than(known_at, service.reader.now(), "known_at")
    moment = service.reader.moment(
        parse_date(args.as_of, "as_of") if args.as_of else None, known_at
    )
    statement = statement_at(service.reader, moment, args.lang)
    renderers = {
        "md": render_markdown,
        "html": render_html,
        "json": lambda s: json.dumps(statement_json(s), ensure_ascii=False, indent=2) + "\n",
    }
    with _open_output(args.output) as out:
        out.write(renderers[args.format](statement))
    return 0


def cmd_check(args: argparse.Namespace, service: Service) -> int:
    """Exit status 1 when a finding must be acted on, so a script or CI job can gate on it."""
    reader = service.reader
    answer = Checks(reader).at(_asked_moment(args, reader))
    if args.format == "json":
        print(json.dumps(answer.as_json(args.lang), ensure_ascii=False, indent=2))
    else:
        for finding in answer.findings:
            print(f"{finding.severity:<5}  {finding.code}  {finding.text(args.lang)}")
        counts = answer.as_json(args.lang)["counts"]
        print(", ".join(f"{n} {severity}" for severity, n in counts.items()))
    return 1 if answer.must else 0


def cmd_diff(args: argparse.Namespace, service: Service) -> int:
    before, after = _asked_moments(args, service.reader)
    answer = register_diff(service.reader, before, after)
    statement = statement_changes(answer, args.lang) if args.include else None
    renderers = {
        "md": render_diff,
        "html": render_diff_html,
        "json": lambda a, lang, s: (
            json.dumps(diff_document(a, lang, s), ensure_ascii=False, indent=2) + "\n"
        ),
    }
    with _open_output(args.output) as out:
        out.write(renderers[args.format](answer, args.lang, statement))
    return 0


def cmd_followups(args: argparse.Namespace, service: Service) -> int:
    reader = service.reader
    work = FollowUps(reader, service.commands).work_list(_asked_moment(args, reader))
    document = work.as_json(args.lang, args.status)
    with _open_output(args.output) as out:
        if args.format == "json":
            out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(render_work_list(document))
    return 0


def cmd_followup_mark(args: argparse.Namespace, service: Service) -> int:
    mark = MarkFollowUp(
        followup=args.id,
        status=args.status,
        actor=args.by,
        reason=args.reason,
        evidence_ref=args.evidence,
        effective_from=parse_date(args.effective_from, "effective_from")
        if args.effective_from
        else None,
    )
    item = FollowUps(service.reader, service.commands).mark(mark)
    print(f"Follow-up {item.id} ({item.raised.finding.code}) is {item.status}.")
    return 0


def cmd_notices(args: argparse.Namespace, service: Service) -> int:
    before, after = _asked_moments(args, service.reader)
    sent_on = parse_date(args.sent_on, "sent_on") if args.sent_on else service.reader.today()
    document = subprocessor_notices(service.reader, before, after, sent_on).as_json()
    with _open_output(args.output) as out:
        if args.format == "md":
            out.write(render_letters(document, args.lang))
        else:
            out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_history(args: argparse.Namespace, service: Service) -> int:
    entry_id = _entry_id(args.id)
    items = service.reader.history(service.reader.kind_of(entry_id), entry_id)
    print(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
    return 0


def cmd_verify(args: argparse.Namespace, service: Service) -> int:
    if (args.position is None) != (args.digest is None):
        raise InvalidCommand(
            {"digest": ["--position and --digest go together"]},
            detail="Give both --position and --digest, as a register answer's history shows them.",
        )
    if args.sample is not None and args.sample < 1:
        raise InvalidCommand({"sample": ["must be at least 1"]}, detail="--sample takes N >= 1.")
    held = Held(args.position, args.digest) if args.position is not None else None
    audit = service.reader.audit(held, args.read_model or args.sample is not None, args.sample)
    checked = audit.read_model
    if checked is not None and checked.finding is None:
        print(f"intact: the read model agrees with the events of {checked.checked} entries")
    elif checked is not None and checked.finding is not None:
        print(
            f"NOT intact: entry {checked.finding.entry_id} in the read model: "
            f"{checked.finding.problem} ({checked.checked} entries agreed before it); "
            "'ropa rebuild' rebuilds the read model from the events"
        )
    chains = (  # the history's last: scripts read the head digest from the last line
        ("token record", "token records", "token log head", audit.tokens),
        ("event", "events", "head digest", audit.history),
    )
    for one, many, head, verdict in chains:
        if verdict.finding is None:
            print(f"intact: {verdict.count} {many}, {head} {verdict.head_digest}")
        else:
            print(
                f"NOT intact: {one} at position {verdict.finding.position} "
                f"{verdict.finding.problem} ({verdict.count} {many} verified before it)"
            )
    return 0 if audit.intact else 1


def cmd_rebuild(args: argparse.Namespace, service: Service) -> int:
    known = service.maintenance.projections.names
    unknown = sorted(set(args.names) - set(known))
    if unknown:
        raise InvalidCommand(
            {"names": [f"no read model is called {', '.join(unknown)}"]},
            detail=f"There is no read model {', '.join(unknown)}: the read models are "
            f"{', '.join(known)}.",
        )
    bar = ProgressBar("Rebuilding the read model")
    position = service.maintenance.rebuild(args.names or None, progress=bar)
    bar.finish()
    print(f"Read model rebuilt up to position {position}.")
    return 0


def cmd_export(args: argparse.Namespace, service: Service) -> int:
    count = 0
    with open(args.file, "w", encoding="utf-8") as out:
        for line in service.maintenance.export_lines():
            out.write(line + "\n")
            count += 1
    print(f"Exported {count} events to {args.file}.")
    return 0


def cmd_import(args: argparse.Namespace, service: Service) -> int:
    expected = args.expect_head
    if expected is not None and not re.fullmatch("[0-9a-f]{64}", expected):
        raise InvalidCommand(
            {"expect_head": ["must be a head digest"]},
            detail="--expect-head takes a head digest as 'ropa verify' prints it: "
            "64 hexadecimal digits.",
        )
    bar = ProgressBar("Importing events")
    with open(args.file, "rb") as source:
        count = service.maintenance.import_events(read_export(source, expected), progress=bar)
    bar.finish()
    verdict = service.reader.integrity()
    print(f"Imported {count} events; head digest {verdict.head_digest}.")
    return 0


def cmd_token_create(args: argparse.Namespace, service: Service) -> int:
    expires = parse_date(args.expires, "expires") if args.expires else None
    info, secret = service.tokens.create(args.role, args.name, expires)
    print(f"Created {info.role} token {info.id} for {info.name!r}; it is shown only once:")
    print(secret)
    return 0


def cmd_token_list(args: argparse.Namespace, service: Service) -> int:
    for info in service.tokens.list():
        state = "revoked" if info.revoked_at else f"expires {info.expires_on or 'never'}"
        print(f"{info.id}  {info.role:<8} {info.name}  ({state})")
    return 0


def cmd_token_revoke(args: argparse.Namespace, service: Service) -> int:
    info = service.tokens.revoke(args.id)
    print(f"Revoked token {info.id} ({info.name}).")
    return 0


def _entry_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise InvalidCommand({"id": ["must be an entry id (a UUID)"]}) from None


def _add_moment(
    sub: argparse.ArgumentParser, as_of: str = "valid time, YYYY-MM-DD (default: today)"
) -> None:
    """The one point a command is asked at, as ``_asked_moment`` reads it."""
    sub.add_argument("--as-of", help=as_of)
    sub.add_argument("--known-at", help="transaction time, RFC 3339 or a date (default: now)")


def _add_output(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("-o", "--output", help="write to this file instead of standard output")


def _add_period(sub: argparse.ArgumentParser) -> None:
    """The two points a comparison is asked at, as ``_asked_moments`` reads them."""
    sub.add_argument("--from", dest="from_", required=True, help="valid time, YYYY-MM-DD")
    sub.add_argument("--to", required=True, help="valid time, YYYY-MM-DD")
    sub.add_argument("--from-known-at", help="transaction time of --from (default: now)")
    sub.add_argument("--to-known-at", help="transaction time of --to (default: now)")


def build_parser(extensions: Sequence[Extension] = ()) -> argparse.ArgumentParser:
    """The parser of every command; the extensions' commands come first, where ``serve`` was."""
    parser = argparse.ArgumentParser(
        prog="ropa",
        description="The register of processing activities (GDPR Article 30). "
        f"The database comes from ROPA_DATABASE_URL (default: {DEFAULT_DATABASE_URL}).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    for extend in extensions:
        extend(add)
    add("load-example", cmd_load_example, "Load the example register (idempotent).")
    reg = add("register", cmd_register, "Print the register at a point in time.")
    _add_moment(reg)
    reg.add_argument("--format", choices=("json", "md"), default="json")
    reg.add_argument("--lang", choices=("nl", "en"), default="en")
    _add_output(reg)
    stm = add(
        "statement",
        cmd_statement,
        "Print the privacy statement (Art. 13/14) generated from the register at a point in time.",
    )
    _add_moment(stm)
    stm.add_argument("--lang", choices=STATEMENT_LANGUAGES, default="nl")
    stm.add_argument("--format", choices=("md", "html", "json"), default="md")
    _add_output(stm)
    chk = add(
        "check",
        cmd_check,
        "Print what the register lacks at a point in time; exit status 1 when a finding must be "
        "acted on.",
    )
    _add_moment(chk)
    chk.add_argument("--lang", choices=("nl", "en"), default="en")
    chk.add_argument("--format", choices=("json", "text"), default="text")
    dif = add(
        "diff",
        cmd_diff,
        "Print what changed between two points of the register, and what each change requires.",
    )
    _add_period(dif)
    dif.add_argument("--format", choices=("json", "md", "html"), default="json")
    dif.add_argument("--lang", choices=("nl", "en"), default="en")
    dif.add_argument(
        "--include",
        choices=("statement",),
        help="statement: add the diff of the privacy statements generated from both registers",
    )
    _add_output(dif)
    fol = add(
        "followups",
        cmd_followups,
        "Print the work list: the follow-ups the recorded changes raised, open, done or dismissed.",
    )
    fol.add_argument("--status", choices=MARK_STATUSES, help="only these (default: all)")
    _add_moment(fol, as_of="the day the marks are read at (default: today)")
    fol.add_argument("--lang", choices=("nl", "en"), default="en")
    fol.add_argument("--format", choices=("json", "text"), default="text")
    _add_output(fol)
    mrk = add(
        "followup-mark",
        cmd_followup_mark,
        "Mark a follow-up done, dismissed (not applicable) or open again; recorded as an event.",
    )
    mrk.add_argument("id", help="the follow-up's id, as 'ropa followups' prints it")
    mrk.add_argument("--status", choices=MARK_STATUSES, required=True)
    mrk.add_argument("--reason", help="why; required for done and dismissed")
    mrk.add_argument("--evidence", help="where the proof is: the DPIA, the notice, the agreement")
    mrk.add_argument("--effective-from", help="the day the mark holds from (default: today)")
    mrk.add_argument("--by", default=f"cli:{getpass.getuser()}", help="who marks it")
    ntc = add(
        "notices",
        cmd_notices,
        "Print the sub-processor notices (Art. 28(2)) per client controller between two points.",
    )
    _add_period(ntc)
    ntc.add_argument("--sent-on", help="the day the notices are sent (default: today)")
    ntc.add_argument("--format", choices=("json", "md"), default="md")
    ntc.add_argument("--lang", choices=("nl", "en"), default="nl")
    _add_output(ntc)
    hist = add("history", cmd_history, "Print every event of one entry, before → after.")
    hist.add_argument("id")
    verify = add(
        "verify",
        cmd_verify,
        "Recompute the hash chains over the whole history and the token log, and check the "
        "ledger's columns against the events.",
    )
    verify.add_argument(
        "--position", type=int, help="with --digest: a history position you were given"
    )
    verify.add_argument(
        "--digest", help="the head digest given with that position; verify checks it still holds"
    )
    verify.add_argument(
        "--read-model",
        action="store_true",
        help="also compare the read model with the events, entry by entry",
    )
    verify.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="with --read-model: only N entries drawn at random (implies --read-model)",
    )
    rebuild = add("rebuild", cmd_rebuild, "Drop read models and rebuild them from the events.")
    rebuild.add_argument("names", nargs="*", metavar="NAME", help="only these (default: all)")
    export = add("export-events", cmd_export, "Write every event to FILE as JSON Lines.")
    export.add_argument("file")
    imp = add("import-events", cmd_import, "Import an export into an empty store.")
    imp.add_argument("file")
    imp.add_argument(
        "--expect-head",
        metavar="DIGEST",
        help="refuse the file unless its last chain digest is DIGEST (catches a file cut short)",
    )
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


def main(argv: Sequence[str] | None = None, extensions: Sequence[Extension] = ()) -> int:
    args = build_parser(extensions).parse_args(argv)
    try:
        service = bootstrap(Settings.from_environment())
    except ConfigurationError as error:
        print(f"ropa: {error.detail}", file=sys.stderr)
        return 1
    except Exception as error:
        print(
            f"ropa: cannot open the database ({error}); check ROPA_DATABASE_URL.", file=sys.stderr
        )
        return 1
    try:
        return int(args.handler(args, service))
    except RegisterError as error:
        print(f"ropa: {error.detail}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    except OSError as error:
        print(f"ropa: {error.strerror}: {error.filename}", file=sys.stderr)
        return 1
    finally:
        service.close()


if __name__ == "__main__":
    sys.exit(main())
