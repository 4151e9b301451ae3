"""/api/v1/policies: the published revisions of the privacy statement."""

from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.policies.schemas import POLICY as SCHEMAS

KIND = SCHEMAS.spec

blp = entry_blueprint(Collection(KIND.kind, KIND.plural, SCHEMAS, SCHEMAS.facet, KIND.description))
