"""By when a client controller may object to a new or replaced sub-processor.

Article 28(2) GDPR: under a general written authorisation "the processor shall inform the
controller of any intended changes concerning the addition or replacement of other processors,
thereby giving the controller the opportunity to object to such changes". The regulation sets
no period; the register gives the client ``OBJECTION_PERIOD`` from the day the notice is sent,
and never less than the time until the change takes effect: an objection must be possible
before the sub-processor starts, and a notice sent late still leaves the full period.
"""

from __future__ import annotations

from datetime import date, timedelta

OBJECTION_PERIOD = timedelta(days=30)
"""The client's time to object from the notice (Art. 28(2) "opportunity to object"); 30 days is
what processing agreements commonly agree. Change it here, and every notice follows."""


def objection_deadline(effective_from: date, sent_on: date) -> date:
    """The last day to object: the day before the change takes effect, or the end of the
    objection period after the notice, whichever is later."""
    return max(effective_from - timedelta(days=1), sent_on + OBJECTION_PERIOD)
