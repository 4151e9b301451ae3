"""A policy revision (SPEC §2, §7): one published version of the public privacy statement.

Its ``effective_from`` is the day the revision takes effect (the registration's own date) and
its ``content_hash`` pins the exact text: both are read-only fields of the catalogue.
"""

from api.resources.entries.schemas import entry_schemas
from register.domain.kinds import EntryKind

POLICY = entry_schemas(EntryKind.POLICY)
