"""A processing activity (SPEC §2, §7): Article 30(1), or 30(2) for the processor role.

Its fields are declared in the register's catalogue; these schemas are derived from them.
"""

from api.resources.entries.schemas import entry_schemas
from register.domain.kinds import EntryKind

ACTIVITY = entry_schemas(EntryKind.ACTIVITY)
