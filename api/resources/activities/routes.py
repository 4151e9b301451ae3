"""/api/v1/activities: the processing activities."""

from api.resources.activities.schemas import ACTIVITY
from api.resources.entries.routes import Collection, entry_blueprint
from register.vocabulary import ACTIVITY_ROLES

blp = entry_blueprint(
    Collection(
        kind="activity",
        plural="activities",
        title="Activity",
        schemas=ACTIVITY,
        facet="role",
        facet_choices=ACTIVITY_ROLES,
        description="Processing activities, Article 30(1) and, for the processor role, 30(2).",
    )
)
