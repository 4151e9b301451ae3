"""The composition root: the one place that builds the register's parts from its settings.

The API factory, the WSGI entry point and the CLI call ``bootstrap``; tests call it with a
clock they move.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from register.application.facade import Reader
from register.application.handlers import Commands
from register.application.maintenance import Maintenance
from register.application.service import Service
from register.application.unit_of_work import UnitOfWork
from register.domain.clock import Clock, SystemClock
from register.presentation.progress import ProgressBar
from register.settings import Settings
from register.store.database import Timeouts
from register.store.event_store import EventStore
from register.store.projections import Projections
from register.store.schema import prepare
from register.store.segment_projection import SegmentProjection
from register.store.tokens import TokenStore


def bootstrap(settings: Settings | None = None, clock: Clock | None = None) -> Service:
    """Open the store the settings name, creating what it lacks, and wire the parts to it."""
    settings = settings or Settings.from_environment()
    clock = clock or SystemClock()
    zone = ZoneInfo(settings.timezone)
    store = EventStore(
        settings.database_url, Timeouts(settings.connect_timeout, settings.statement_timeout)
    )
    projections = Projections(store, [SegmentProjection()])
    prepare(store.engine, projections)
    maintenance = Maintenance(store, projections, zone)
    bar = ProgressBar("Rebuilding the read model (built by another version)")
    if maintenance.rebuild_outdated(progress=bar):
        bar.finish()
    return Service(
        settings=settings,
        commands=Commands(UnitOfWork(store, projections, clock, zone)),
        reader=Reader(store, clock, zone),
        maintenance=maintenance,
        tokens=TokenStore(store.engine, clock, zone),
        store=store,
    )
