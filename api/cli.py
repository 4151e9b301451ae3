"""The ``ropa`` console script: the register's commands, and ``serve``, which needs the web layer.

``serve`` lives here rather than in ``register.cli`` so that ``register`` never imports ``api``:
the web layer depends on the register, never the reverse.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from api.serve import serve, serve_example
from register import cli
from register.application.service import Service


def cmd_serve(args: argparse.Namespace, service: Service) -> int:
    threads = service.settings.server_threads
    if args.example:
        serve_example(service, args.host, args.port, threads)
    else:
        serve(service, args.host, args.port, threads)
    return 0


def add_serve(add: cli.AddCommand) -> None:
    command = add("serve", cmd_serve, "Serve the REST API.")
    command.add_argument("--host", default="127.0.0.1")
    command.add_argument("--port", type=int, default=8000)
    command.add_argument(
        "--example",
        action="store_true",
        help="load the example register if missing and print tokens and curl lines to try",
    )


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, extensions=[add_serve])


if __name__ == "__main__":
    sys.exit(main())
