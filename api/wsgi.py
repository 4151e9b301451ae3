"""The entry point for a production WSGI server: ``gunicorn api.wsgi:app``.

Each worker opens its own connection pool to the database named by ROPA_DATABASE_URL.
"""

from api.app import create_app

app = create_app()
