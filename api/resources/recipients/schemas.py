"""A recipient (SPEC §2, §7): a party that receives personal data.

Its fields are declared in the register's catalogue; these schemas are derived from them.
"""

from api.resources.entries.schemas import entry_schemas
from register.domain.kinds import EntryKind

RECIPIENT = entry_schemas(EntryKind.RECIPIENT)
