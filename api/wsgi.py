"""The entry point for a production WSGI server: ``gunicorn api.wsgi:app``.

Each worker reads its settings from the environment once, here, and opens its own connection
pool to the database they name at the first request that needs it.
"""

from api.app import create_app
from register.settings import Settings

app = create_app(settings=Settings.from_environment())
