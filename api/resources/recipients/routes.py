"""/api/v1/recipients: the parties that receive personal data."""

from api.resources.entries.routes import Collection, entry_blueprint
from api.resources.recipients.schemas import RECIPIENT
from register.domain.vocabulary import RECIPIENT_CATEGORIES

DESCRIPTION = "Recipients of personal data, Article 30(1)(d)."

blp = entry_blueprint(
    Collection(
        "recipient", "recipients", RECIPIENT, ("category", RECIPIENT_CATEGORIES), DESCRIPTION
    )
)
