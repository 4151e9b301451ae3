"""/api/v1/activities: the processing activities."""

from api.resources.activities.schemas import ACTIVITY as SCHEMAS
from api.resources.entries.routes import Collection, entry_blueprint

KIND = SCHEMAS.spec

blp = entry_blueprint(Collection(KIND.kind, KIND.plural, SCHEMAS, SCHEMAS.facet, KIND.description))
