"""/api/v1/policies: the published revisions of the privacy statement."""

from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.policies.schemas import POLICY

blp = entry_blueprint(
    Collection(
        kind="policy",
        plural="policies",
        title="Policy",
        schemas=POLICY,
        facet="language",
        facet_choices=None,
        description="Revisions of the public privacy statement, each with its effective date.",
    )
)
