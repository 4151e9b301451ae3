"""/api/v1/policies: the published revisions of the privacy statement."""

from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.policies.schemas import POLICY

DESCRIPTION = "Revisions of the public privacy statement, each with its effective date."

blp = entry_blueprint(Collection("policy", "policies", POLICY, ("language", None), DESCRIPTION))
