"""The register diff as a pure function of two register snapshots: every kind of change, lists
item by item, renames, entries that come and go, the empty diff and a stable order; and, by
property, that a register compared with itself shows nothing and that a diff's field changes
replayed on the earlier entry give the later one."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from register.domain.catalogue import complete
from register.domain.diff.answer import DiffAnswer
from register.domain.diff.apply import apply
from register.domain.diff.compare import compare
from register.domain.diff.matching import normal
from register.domain.diff.model import ADDED, CHANGED, REMOVED, FieldDiff, RegisterDiff
from register.domain.followups.model import MUST, Rule
from register.domain.kinds import EntryKind
from register.domain.views import EntryView, HistoryPosition, Moment, RegisterSnapshot
from register.presentation.diff_html import render_diff_html
from register.presentation.diff_markdown import render_diff

DAY = date(2024, 1, 1)
ORG, ACT_1, ACT_2, REC_1, REC_2, POL = (uuid.UUID(int=n) for n in range(1, 7))


def entry(kind: EntryKind, entry_id: uuid.UUID, **fields: Any) -> EntryView:
    return EntryView(entry_id, kind, 1, "active", complete(kind, fields), DAY)


def activity(entry_id: uuid.UUID = ACT_1, **fields: Any) -> EntryView:
    return entry(
        EntryKind.ACTIVITY, entry_id, **{"name": "Werving", "role": "controller", **fields}
    )


def recipient(entry_id: uuid.UUID = REC_1, **fields: Any) -> EntryView:
    return entry(EntryKind.RECIPIENT, entry_id, **{"name": "Wolk", **fields})


def register(*entries: EntryView) -> RegisterSnapshot:
    def of(kind: EntryKind) -> list[EntryView]:
        return [e for e in entries if e.kind == kind]

    return RegisterSnapshot(
        Moment(DAY, datetime(2024, 1, 2, tzinfo=UTC)),
        next(iter(of(EntryKind.ORGANISATION)), None),
        of(EntryKind.ACTIVITY),
        of(EntryKind.RECIPIENT),
        next(iter(of(EntryKind.POLICY)), None),
        HistoryPosition(len(entries), None),
    )


def only_fields(before: EntryView, after: EntryView) -> tuple[FieldDiff, ...]:
    (changed,) = compare(register(before), register(after)).entries
    assert changed.how == CHANGED
    return changed.fields


# Every kind of change --------------------------------------------------------------------------


def test_a_scalar_field_is_before_and_after() -> None:
    (role,) = only_fields(activity(), activity(role="joint_controller"))
    assert (role.field, role.before, role.after, role.items) == (
        "role",
        "controller",
        "joint_controller",
        (),
    )


def test_a_rename_is_a_change_of_one_field_and_the_entry_goes_by_its_new_name() -> None:
    diff = compare(register(activity()), register(activity(name="Werving en selectie")))
    (renamed,) = diff.entries
    assert renamed.name == "Werving en selectie"
    assert [(f.field, f.before, f.after) for f in renamed.fields] == [
        ("name", "Werving", "Werving en selectie")
    ]


def test_a_purpose_added_removed_or_changed_is_an_item_not_a_new_list() -> None:
    before = activity(
        purposes=[
            {"description": "Beoordelen"},
            {"description": "Contact", "legal_basis": "Consent"},
        ]
    )
    after = activity(
        purposes=[
            {"description": "Contact", "legal_basis": "LegitimateInterest"},
            {"description": "Screening"},
        ]
    )
    (purposes,) = only_fields(before, after)
    found = [(i.how, i.key, i.position) for i in purposes.items]
    assert found == [(CHANGED, "contact", 1), (ADDED, "screening", 1), (REMOVED, "beoordelen", 0)]
    (basis,) = purposes.items[0].fields
    assert (basis.field, basis.before, basis.after) == (
        "legal_basis",
        "Consent",
        "LegitimateInterest",
    )
    assert not purposes.reordered


def test_every_list_of_the_article_30_model_is_matched_by_its_key() -> None:
    before = activity(
        data_categories=["E-mailadres"],
        data_subjects=["Sollicitanten"],
        sources=["De betrokkene"],
        systems=["ATS"],
        security_measures=["Toegangsbeheer"],
        recipients=[str(REC_1)],
        transfers=[{"country": "US", "safeguard": "standard_contractual_clauses"}],
        retention=[{"applies_to": ["cv", "brief"], "period": "P4W"}],
        processing_categories=["opslag"],
    )
    after = activity(
        data_categories=[{"name": "e-mailadres ", "special_category": False}, "Gezondheid"],
        data_subjects=["Sollicitanten", "Referenten"],
        sources=["De betrokkene"],
        systems=["ATS", "Mail"],
        security_measures=["Toegangsbeheer", "Versleuteling"],
        recipients=[str(REC_1), {"recipient": str(REC_2), "role": "sub_processor"}],
        transfers=[
            {"country": "US", "safeguard": "adequacy_decision"},
            {"international_organisation": "EPO"},
        ],
        retention=[{"applies_to": ["Brief", "CV"], "period": "P2W"}],
        processing_categories=["opslag", "analyse"],
    )
    keys = {f.field: [(i.how, i.key) for i in f.items] for f in only_fields(before, after)}
    assert keys == {
        "data_subjects": [(ADDED, "referenten")],
        "data_categories": [(CHANGED, "e-mailadres"), (ADDED, "gezondheid")],
        "recipients": [(ADDED, str(REC_2))],
        "transfers": [(CHANGED, "us"), (ADDED, "international_organisation:epo")],
        "retention": [(CHANGED, '["brief","cv"]')],
        "security_measures": [(ADDED, "versleuteling")],
        "systems": [(ADDED, "mail")],
        "processing_categories": [(ADDED, "analyse")],
    }


def test_keys_read_text_as_a_reader_does() -> None:
    assert normal("  Cafe\u0301\n  Bezoekers ") == normal("café bezoekers")


def test_a_reworded_purpose_is_one_removed_and_one_added() -> None:
    before = activity(purposes=[{"description": "Sollicitanten beoordelen"}])
    after = activity(purposes=[{"description": "Kandidaten beoordelen"}])
    (purposes,) = only_fields(before, after)
    assert [i.how for i in purposes.items] == [ADDED, REMOVED]


def test_not_recorded_and_none_differ_without_items() -> None:
    (recipients,) = only_fields(activity(), activity(recipients=[]))
    assert (recipients.before, recipients.after, recipients.items) == (None, [], ())
    assert not recipients.is_list


def test_a_new_order_alone_is_a_change_with_no_items() -> None:
    before = activity(data_subjects=["A", "B"])
    (subjects,) = only_fields(before, activity(data_subjects=["B", "A"]))
    assert subjects.reordered and subjects.items == ()


def test_two_items_with_one_key_are_paired_in_order() -> None:
    before = activity(transfers=[{"country": "US"}, {"country": "US", "note": "mail"}])
    after = activity(transfers=[{"country": "US"}, {"country": "US", "note": "chat"}])
    (transfers,) = only_fields(before, after)
    assert [(i.how, i.key) for i in transfers.items] == [(CHANGED, "us#2")]


def test_an_object_on_both_sides_changes_field_by_field() -> None:
    before = activity(dpia={"required": True, "status": "in_progress"})
    after = activity(dpia={"required": True, "status": "completed", "reference": "DPIA-7"})
    (dpia,) = only_fields(before, after)
    assert [(f.field, f.before, f.after) for f in dpia.fields] == [
        ("status", "in_progress", "completed"),
        ("reference", None, "DPIA-7"),
    ]


def test_fields_come_in_the_catalogues_order() -> None:
    after = activity(name="W", owner="HR", purposes=[{"description": "X"}], role="processor")
    assert [f.field for f in only_fields(activity(), after)] == [
        "name",
        "role",
        "purposes",
        "owner",
    ]


# Entries that come and go, and the order of the diff -------------------------------------------


def test_entries_come_and_go_by_id() -> None:
    before = register(activity(ACT_1), recipient(REC_1))
    after = register(activity(ACT_2, name="Nieuwsbrief"), recipient(REC_1))
    came, went = compare(before, after).entries
    assert (came.how, came.entry_id, came.before) == (ADDED, ACT_2, None)
    assert (went.how, went.entry_id, went.after) == (REMOVED, ACT_1, None)
    assert {f.field for f in came.fields} >= {"name", "role", "purposes"}
    assert all(f.after is None for f in went.fields)


def test_the_diff_is_ordered_by_kind_then_name_then_id_whatever_the_input_order() -> None:
    entries = [
        entry(EntryKind.POLICY, POL, title="Privacy", language="nl", text="Tekst"),
        recipient(REC_2, name="alfa"),
        recipient(REC_1, name="Alfa"),
        activity(ACT_2, name="Beta"),
        activity(ACT_1, name="alfa"),
        entry(EntryKind.ORGANISATION, ORG, name="Opgelucht"),
    ]
    forwards = compare(register(), register(*entries))
    backwards = compare(register(), register(*reversed(entries)))
    assert forwards.entries == backwards.entries
    assert [e.entry_id for e in forwards.entries] == [ORG, ACT_1, ACT_2, REC_1, REC_2, POL]
    assert forwards.baseline


def test_an_unchanged_register_is_an_empty_diff() -> None:
    same = register(activity(), recipient())
    diff = compare(same, same)
    assert diff.empty and not diff.baseline
    assert DiffAnswer(diff).as_json("nl")["entries"] == []


# Follow-ups stand next to the change that raised them -------------------------------------------

RULE = Rule("NOTICE-LEGAL-BASIS", "13(1)(c)", MUST, "Grondslag van '{name}' <gewijzigd>.", "Basis.")


def test_a_follow_up_stands_at_its_field_or_else_at_its_entry_or_the_register() -> None:
    before = activity(purposes=[{"description": "X", "legal_basis": "Consent"}])
    after = activity(purposes=[{"description": "X", "legal_basis": "Contract"}])
    diff = compare(register(before), register(after))
    at_field = RULE.on(after, "purposes[x].legal_basis", "Consent", "Contract")
    at_entry = RULE.on(after, "retention")
    everywhere = RULE.on(None, "", name="register")
    document = DiffAnswer(diff, (at_field, at_entry, everywhere)).as_json("nl")
    (changed,) = document["entries"]
    assert [f["code"] for f in changed["fields"][0]["followups"]] == ["NOTICE-LEGAL-BASIS"]
    assert changed["fields"][0]["followups"][0]["field_path"] == "purposes[x].legal_basis"
    assert [f["field_path"] for f in changed["followups"]] == ["retention"]
    assert [f["text"] for f in document["followups"]] == ["Grondslag van 'register' <gewijzigd>."]
    memo = render_diff(DiffAnswer(diff, (at_field,)), "nl")
    assert (
        "  - _gewijzigd_: X\n    - **Grondslag**: toestemming → overeenkomst\n"
        "  - **Vervolgactie (moet)**: `NOTICE-LEGAL-BASIS` (art. 13(1)(c)) "
        "Grondslag van 'Werving' \\<gewijzigd\\>." in memo
    )
    assert "Grondslag van &#x27;Werving&#x27; &lt;gewijzigd&gt;." in render_diff_html(
        DiffAnswer(diff, (at_field,)), "nl"
    )


# Properties ------------------------------------------------------------------------------------

LABELS = st.sampled_from(["Naam", "naam ", "E-mail", "Adres", "Telefoon", "CV"])
RECIPIENT_IDS = st.sampled_from([str(REC_1), str(REC_2), str(uuid.UUID(int=9))])
OBJECT_FIELDS = {
    "name": st.sampled_from(["Werving", "Nieuwsbrief", "werving "]),
    "role": st.sampled_from(["controller", "processor", "joint_controller"]),
    "description": st.none() | st.sampled_from(["Iets", "Anders"]),
    "purposes": st.lists(
        st.fixed_dictionaries(
            {"description": LABELS},
            optional={"legal_basis": st.sampled_from(["Consent", "Contract", None])},
        ),
        max_size=4,
    ),
    "data_categories": st.lists(
        LABELS | st.fixed_dictionaries({"name": LABELS, "special_category": st.booleans()}),
        max_size=4,
    ),
    "recipients": st.none()
    | st.lists(
        RECIPIENT_IDS
        | st.fixed_dictionaries(
            {"recipient": RECIPIENT_IDS, "role": st.sampled_from(["sub_processor", None])}
        ),
        max_size=3,
    ),
    "transfers": st.none()
    | st.lists(
        st.fixed_dictionaries(
            {"country": st.sampled_from(["US", "GB", "us"])},
            optional={"safeguard": st.sampled_from(["adequacy_decision", None])},
        ),
        max_size=3,
    ),
    "retention": st.none()
    | st.lists(
        st.fixed_dictionaries(
            {"applies_to": st.lists(LABELS, max_size=2), "period": st.sampled_from(["P1Y", "P2Y"])}
        ),
        max_size=3,
    ),
    "dpia": st.none()
    | st.fixed_dictionaries(
        {"required": st.booleans() | st.none()},
        optional={"criteria": st.lists(st.sampled_from(["large_scale", "sensitive_data"]))},
    ),
    "processing_categories": st.lists(LABELS, max_size=3),
}
ACTIVITY_FIELDS = st.fixed_dictionaries({}, optional=OBJECT_FIELDS).map(
    lambda fields: {"name": "Werving", "role": "controller", **fields}
)
IDS = st.sampled_from([ACT_1, ACT_2, uuid.UUID(int=7)])
REGISTERS = st.dictionaries(IDS, ACTIVITY_FIELDS, max_size=3).map(
    lambda found: register(*(activity(i, **fields) for i, fields in found.items()))
)


@settings(max_examples=150, deadline=None)
@given(REGISTERS)
def test_a_register_compared_with_itself_shows_nothing(same: RegisterSnapshot) -> None:
    assert compare(same, same).empty


@settings(max_examples=300, deadline=None)
@given(REGISTERS, REGISTERS)
def test_applying_a_diffs_field_changes_to_a_gives_b(
    a: RegisterSnapshot, b: RegisterSnapshot
) -> None:
    diff = compare(a, b)
    before = {e.id: e.fields for e in a.activities}
    after = {e.id: e.fields for e in b.activities}
    for changed in diff.entries:
        replayed = apply(before.get(changed.entry_id, {}), changed.fields)
        assert recorded(replayed) == recorded(after.get(changed.entry_id, {}))
    unchanged = set(before) & set(after) - {e.entry_id for e in diff.entries}
    assert all(before[i] == after[i] for i in unchanged)
    assert_ordered(diff)


def recorded(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that hold a value: a field that is gone is null, as ``field_changes`` reads it."""
    return {name: value for name, value in fields.items() if value is not None}


def assert_ordered(diff: RegisterDiff) -> None:
    keys = [(normal(e.name), e.name, str(e.entry_id)) for e in diff.entries]
    assert keys == sorted(keys)
