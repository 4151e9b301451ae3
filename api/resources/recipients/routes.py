"""/api/v1/recipients: the parties that receive personal data."""

from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.recipients.schemas import RECIPIENT as SCHEMAS

KIND = SCHEMAS.spec

blp = entry_blueprint(Collection(KIND.kind, KIND.plural, SCHEMAS, SCHEMAS.facet, KIND.description))
