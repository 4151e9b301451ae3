"""The shape entries had at aa56131, written out: what the old store's recorded hashes were over.

Today's answers on an old store are brought back to that shape to compare them with the hashes
aa56131 recorded. The old shape is frozen here on purpose, apart from the catalogue, which moves
on: it is the shape of stored facts that never change.
"""

from __future__ import annotations

from typing import Any

OLD_FIELDS = {
    "activities": (
        "automated_decision_making controllers data_categories data_subjects description dpia "
        "id name owner processing_categories purposes recipients retention role "
        "security_measures sources status systems transfers version"
    ).split(),
    "recipients": (
        "category contact country data_processing_agreement description id legal_role name "
        "status transfer_safeguard version"
    ).split(),
    "organisation": (
        "address contact dpo eu_representative id name registration_number status trade_name "
        "version website"
    ).split(),
}
PERSON = ("name", "email", "phone")
TRANSFER = ("country", "safeguard", "recipient", "note")
RETENTION = ("period", "trigger", "note")
DPIA = ("required", "reference")
LABEL_LISTS = {
    "controllers": "name",
    "data_subjects": "name",
    "sources": "name",
    "systems": "name",
    "security_measures": "description",
    "data_categories": "name",
}


def _only(value: dict[str, Any] | None, keys: tuple[str, ...]) -> dict[str, Any] | None:
    return None if value is None else {key: value[key] for key in keys}


def _label(item: dict[str, Any], name: str) -> Any:
    """A label the old shape kept as a string: an object that sets nothing but its name."""
    rest = {k: v for k, v in item.items() if k != name}
    if all(v in (None, False, []) for v in rest.values()):
        return item[name]
    return {"name": item["name"], **{k: item[k] for k in ("special_category", "criminal")}}


def _purpose(purpose: dict[str, Any]) -> dict[str, Any]:
    condition = purpose["art9_condition"]
    return {
        "description": purpose["description"],
        "legal_basis": purpose["legal_basis"],
        "special_category_condition": None if condition is None else condition["note"],
    }


def _activity(entry: dict[str, Any]) -> dict[str, Any]:
    old = {key: entry[key] for key in OLD_FIELDS["activities"]}
    for field, name in LABEL_LISTS.items():
        old[field] = [_label(item, name) for item in entry[field]]
    old["recipients"] = [link["recipient"] for link in entry["recipients"] or []]
    old["transfers"] = [_only(t, TRANSFER) for t in entry["transfers"] or []]
    old["retention"] = _only(entry["retention"][0], RETENTION) if entry["retention"] else None
    old["purposes"] = [_purpose(p) for p in entry["purposes"]]
    old["dpia"] = _only(entry["dpia"], DPIA)
    return old


def _organisation(entry: dict[str, Any]) -> dict[str, Any]:
    old = {key: entry[key] for key in OLD_FIELDS["organisation"]}
    for person in ("contact", "dpo", "eu_representative"):
        old[person] = _only(entry[person], PERSON)
    return old


def in_aa56131_shape(document: dict[str, Any]) -> dict[str, Any]:
    """A register answered today, in the shape aa56131 gave it."""
    old = dict(document)
    old["activities"] = [_activity(e) for e in document["activities"]]
    old["recipients"] = [
        {k: e[k] for k in OLD_FIELDS["recipients"]} for e in document["recipients"]
    ]
    if document.get("organisation") is not None:
        old["organisation"] = _organisation(document["organisation"])
    if document.get("policy") is not None:
        old["policy"] = {
            k: v
            for k, v in document["policy"].items()
            if k not in ("audience", "covers", "source_sha256")
        }
    return old
