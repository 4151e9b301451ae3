"""The resources of the API, one folder each with its routes and schemas."""

from api.resources.activities.routes import blp as activities
from api.resources.events.routes import blp as events
from api.resources.health.routes import blp as health
from api.resources.integrity.routes import blp as integrity
from api.resources.organisation.routes import blp as organisation
from api.resources.policies.routes import blp as policies
from api.resources.recipients.routes import blp as recipients
from api.resources.register_at.routes import blp as register
from api.resources.tokens.routes import blp as tokens

BLUEPRINTS = (
    health,
    register,
    organisation,
    activities,
    recipients,
    policies,
    events,
    integrity,
    tokens,
)
