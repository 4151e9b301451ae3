"""The resources of the API, one folder each with its routes and schemas."""

from api.resources.activities.routes import blp as activities_blp
from api.resources.checks.routes import blp as checks_blp
from api.resources.events.routes import blp as events_blp
from api.resources.followups.routes import blp as followups_blp
from api.resources.health.routes import blp as health_blp
from api.resources.integrity.routes import blp as integrity_blp
from api.resources.notices.routes import blp as notices_blp
from api.resources.organisation.routes import blp as organisation_blp
from api.resources.policies.routes import blp as policies_blp
from api.resources.recipients.routes import blp as recipients_blp
from api.resources.register_at.routes import blp as register_blp
from api.resources.register_diff.routes import blp as register_diff_blp
from api.resources.tokens.routes import blp as tokens_blp
from api.resources.vocabularies.routes import blp as vocabularies_blp

BLUEPRINTS = (
    health_blp,
    register_blp,
    checks_blp,
    register_diff_blp,
    organisation_blp,
    activities_blp,
    recipients_blp,
    policies_blp,
    events_blp,
    integrity_blp,
    followups_blp,
    notices_blp,
    tokens_blp,
    vocabularies_blp,
)
