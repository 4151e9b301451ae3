"""/api/v1/activities: the processing activities."""

from api.resources.activities.schemas import ACTIVITY
from api.resources.entries.routes import Collection, entry_blueprint
from register.domain.vocabulary import ACTIVITY_ROLES

DESCRIPTION = "Processing activities, Article 30(1) and, for the processor role, 30(2)."

blp = entry_blueprint(
    Collection("activity", "activities", ACTIVITY, ("role", ACTIVITY_ROLES), DESCRIPTION)
)
