"""How long an activity's data are kept, one line per retention rule (Art. 13(2)(a), 14(2)(a)).

A rule gives a period, or when no period can be given the criteria that decide it (so criteria
recorded beside a period are not shown: Art. 13(2)(a) asks for them only in its place); a period
may be fixed, a maximum, or run until an event.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from register.domain.statement.context import Context
from register.domain.statement.model import Line, Part
from register.domain.statement.sentences import joined
from register.domain.views import EntryView
from register.domain.vocabulary.durations import in_words

RULE = "NOTICE-RETENTION"


def retention(context: Context, activity: EntryView) -> Iterator[Line]:
    rules = activity.fields.get("retention")
    if rules is None:
        yield _line(context, activity, "retention", (context.marker("retention"),), check=True)
        return
    if not rules:
        yield _line(context, activity, "retention", (context.phrase(_none(context)),))
    for index, rule in enumerate(rules):
        path = f"retention[{index}]"
        applies_to = _applies_to(context, rule)
        period = _period(context, rule)
        if period is not None:
            yield _line(context, activity, f"{path}.period", period, applies_to)
        elif rule.get("criteria"):
            yield _line(context, activity, f"{path}.criteria", _criteria(context, rule), applies_to)
        else:
            yield _line(context, activity, path, (context.marker("retention"),), applies_to, True)


def _line(
    context: Context,
    activity: EntryView,
    field: str,
    period: tuple[Part, ...],
    applies_to: tuple[Part, ...] = (),
    check: bool = False,
) -> Line:
    return context.item(
        context.sentence("retention", applies_to=applies_to, period=period),
        rule=RULE,
        entry=activity,
        field=field,
        check="CHK-RETENTION-MISSING" if check else None,
    )


def _none(context: Context) -> str:
    return "".join(part.text for part in context.sentence("retention_none"))


def _applies_to(context: Context, rule: Mapping[str, Any]) -> tuple[Part, ...]:
    named = rule.get("applies_to") or []
    if not named:
        return ()
    return context.sentence(
        "applies_to", applies_to=joined([context.value(name) for name in named])
    )


def _period(context: Context, rule: Mapping[str, Any]) -> tuple[Part, ...] | None:
    """The period in words with its event, or None when the rule gives no period."""
    trigger = rule.get("trigger")
    kind = rule.get("kind")
    if kind == "until_event" and trigger and not rule.get("period"):
        return context.sentence("until_event", trigger=context.sentence_value(trigger))
    if not rule.get("period"):
        return None
    duration = _duration(context, rule["period"])
    if trigger:
        key = {"starts": "period_after", "ends": "period_until"}.get(
            rule.get("trigger_role") or "", "period_event"
        )
        period = context.sentence(key, duration=duration, trigger=context.sentence_value(trigger))
    else:
        period = (duration,)
    return context.sentence("maximum", period=period) if kind == "maximum" else period


def _criteria(context: Context, rule: Mapping[str, Any]) -> tuple[Part, ...]:
    criteria = context.sentence_value(rule["criteria"])
    trigger = rule.get("trigger")
    if not trigger:
        return (criteria,)
    return context.sentence("criteria_from", criteria=criteria, trigger=context.value(trigger))


def _duration(context: Context, period: str) -> Part:
    """The period in words; one stored under older rules that no longer parses, as stored."""
    try:
        return context.phrase(in_words(period, context.language))
    except ValueError:
        return context.value(period)
