"""The organisation (SPEC §2): the controller's own details, Article 30(1)(a).

Its fields are declared in the register's catalogue; these schemas are derived from them.
"""

from api.resources.entries.schemas import entry_schemas
from register.domain.kinds import EntryKind

ORGANISATION = entry_schemas(EntryKind.ORGANISATION)
