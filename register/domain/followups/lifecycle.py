"""Entries that end, and activities whose role changes: the data outlive the entry, so ending
one is work (Arts. 5(1)(e), 17(1)(a), 26, 28(3)(g), 28(10))."""

from __future__ import annotations

from collections.abc import Iterator

from register.domain.followups import words
from register.domain.followups.context import Comparison, per_changed_activity
from register.domain.followups.model import CHECK, MUST, Finding, Rule, Said
from register.domain.followups.reading import is_proc, links, role
from register.domain.timeline import RETIRED
from register.domain.views import EntryView

JOINT = "joint_controller"

RETIRED_ERASE = Rule(
    "ACTIVITY-RETIRED-ERASE",
    "5(1)(e), 17(1)(a); for processors 28(3)(g)",
    MUST,
    "Verwerking '{name}' is per {date} beëindigd: {erase}.",
    "Processing activity '{name}' ended on {date}: {erase}.",
)
RECIPIENT_RETIRED_LINKED = Rule(
    "RECIPIENT-RETIRED-LINKED",
    "30(1)(d), 28(3)(g)",
    MUST,
    "Ontvanger {recipient} is beëindigd maar staat nog bij {activities}: haal de koppeling weg en "
    "zorg dat de gegevens zijn verwijderd of teruggegeven.",
    "Recipient {recipient} was retired but is still linked to {activities}: remove the link and "
    "make sure the data were deleted or returned.",
)
JOINT_ARRANGEMENT = Rule(
    "JOINT-ARRANGEMENT",
    "26(1)–(2), 30(1)(a)",
    MUST,
    "'{name}' is nu een gezamenlijke verwerking: leg de regeling met de andere "
    "verwerkingsverantwoordelijke(n) vast en stel de kern ervan beschikbaar aan betrokkenen.",
    "'{name}' is now a joint-controller processing: document the arrangement with the other "
    "controller(s) and make its essence available to data subjects.",
)
ROLE_CHANGED = Rule(
    "ROLE-CHANGED",
    "28(10), 30(1)/(2)",
    CHECK,
    "De rol bij '{name}' wijzigt van {old} naar {new}: verplaats de verwerking naar het juiste "
    "deel van het register en herzie overeenkomsten en privacyverklaring.",
    "The role in '{name}' changes from {old} to {new}: move it to the right part of the register "
    "and review agreements and the privacy statement.",
)

RULES = (RETIRED_ERASE, RECIPIENT_RETIRED_LINKED, JOINT_ARRANGEMENT, ROLE_CHANGED)


def _erase(activity: EntryView) -> Said:
    """What ending the activity asks of the data: a controller erases by its retention, a
    processor deletes or returns as its clients choose."""
    if is_proc(activity):
        return Said(
            "verwijder of retourneer de gegevens naar keuze van de klantorganisaties en laat "
            "subverwerkers hetzelfde doen",
            "delete or return the data as the client organisations choose, and have "
            "sub-processors do the same",
        )
    kept = words.retention(activity.fields.get("retention"))
    return Said(
        f"verwijder of anonimiseer de gegevens volgens de bewaartermijn ({kept.nl}), tenzij een "
        "andere geregistreerde verwerking ze nodig heeft, en laat verwerkers hun kopieën "
        "verwijderen",
        f"delete or anonymise its data according to its retention ({kept.en}) unless another "
        "registered activity needs them, and have processors delete their copies",
    )


def activity_ended(c: Comparison) -> Iterator[Finding]:
    """The day is the retirement's, when the events are at hand, else the later register's."""
    ended = [before for before, after in c.pairs if before is not None and after is None]
    retirements = c.events.lasts_of(RETIRED, {activity.id for activity in ended})
    for before in ended:
        retirement = retirements.get(before.id)
        day = c.day if retirement is None else retirement.effective_from
        yield RETIRED_ERASE.on(
            before, "status", "active", None, date=day.isoformat(), erase=_erase(before)
        )


def retired_still_linked(c: Comparison) -> Iterator[Finding]:
    for recipient_id, recipient in c.old.recipients.items():
        if recipient_id in c.new.recipients:
            continue
        activities = c.new.linked_to.get(recipient_id, ())
        names = sorted(str(a.fields.get("name")) for a in activities if recipient_id in links(a))
        if names:
            yield RECIPIENT_RETIRED_LINKED.on(
                recipient,
                "status",
                "active",
                None,
                recipient=words.named(recipient),
                activities=words.names(names),
            )


@per_changed_activity("role", came=True)
def role_changed(
    c: Comparison, before: EntryView | None, after: EntryView | None
) -> Iterator[Finding]:
    if after is None:
        return
    was, now = role(before), role(after)
    if now == JOINT and was != JOINT:
        yield JOINT_ARRANGEMENT.on(after, "role", was, now)
    elif before is not None and was != now:
        yield ROLE_CHANGED.on(after, "role", was, now, old=words.role(was), new=words.role(now))


TRIGGERS = (activity_ended, retired_still_linked, role_changed)
