"""The API's schemas describe exactly the fields the register keeps, so that a field added to
``register.fields`` cannot be silently dropped from the API's answers."""

from __future__ import annotations

import pytest

from api.resources.activities.schemas import ACTIVITY
from api.resources.organisation.schemas import ORGANISATION
from api.resources.policies.schemas import POLICY
from api.resources.recipients.schemas import RECIPIENT
from register.domain.fields import SPECS

KINDS = {
    "activity": ACTIVITY,
    "recipient": RECIPIENT,
    "policy": POLICY,
    "organisation": ORGANISATION,
}
REPRESENTED = {"id", "version", "status"}
DERIVED = {"policy": {"effective_from", "content_hash"}}
EVENT = {"effective_from", "reason"}


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_holds_the_fields_of_its_kind(kind: str) -> None:
    schemas = KINDS[kind]
    own = set(SPECS[kind])
    assert set(schemas.entry().fields) == own | REPRESENTED | DERIVED.get(kind, set())
    assert set(schemas.registration().fields) == own | EVENT
    assert set(schemas.amendment().fields) == own | EVENT
    assert not [name for name, f in schemas.amendment().fields.items() if f.required]
    required = {name for name, rule in SPECS[kind].items() if rule.required}
    assert {name for name, f in schemas.registration().fields.items() if f.required} == required
