"""``python -m api``: serve the API over the example register, with tokens to try it."""

from __future__ import annotations

import argparse

from api.serve import serve_example
from register.application import RegisterApplication


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m api",
        description="Serve the API with the example register loaded (ROPA_DATABASE_URL).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    register = RegisterApplication()
    try:
        serve_example(register, args.host, args.port)
    finally:
        register.close()


if __name__ == "__main__":
    main()
