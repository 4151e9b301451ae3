"""/api/v1/recipients: the parties that receive personal data."""

from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.recipients.schemas import RECIPIENT
from register.vocabulary import RECIPIENT_CATEGORIES

blp = entry_blueprint(
    Collection(
        kind="recipient",
        plural="recipients",
        title="Recipient",
        schemas=RECIPIENT,
        facet="category",
        facet_choices=RECIPIENT_CATEGORIES,
        description="Recipients of personal data, Article 30(1)(d).",
    )
)
