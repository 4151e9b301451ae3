"""/api/v1/tokens: create, list and revoke API tokens (admin only), as the CLI does."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.extensions import Blueprint
from api.extensions.auth import TOKEN_MANAGERS
from api.extensions.register_app import current_service
from api.resources.tokens.schemas import CreatedToken, Token, TokenRequest

blp = Blueprint.v1(
    "tokens",
    "Bearer tokens: each has a role (dpo, auditor, admin) and a name.",
    TOKEN_MANAGERS,
    TOKEN_MANAGERS,
)


@blp.route("")
class Tokens(MethodView):
    @blp.query()
    @blp.response(200, Token(many=True))
    def get(self) -> list[dict[str, Any]]:
        """List every token, revoked ones included; secrets are never shown again."""
        return [info.as_dict() for info in current_service().tokens.list()]

    @blp.query()
    @blp.arguments(TokenRequest)
    @blp.response(201, CreatedToken)
    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """Create a token; the answer holds its secret, which is stored only as a hash."""
        info, secret = current_service().tokens.create(
            body["role"], body["name"], body.get("expires_on")
        )
        return {**info.as_dict(), "token": secret}


@blp.route("/<token_id>", methods=["DELETE"])
@blp.query()
@blp.response(200, Token)
def revoke_token(token_id: str) -> dict[str, Any]:
    """Revoke a token: from now on it is refused with 401."""
    return current_service().tokens.revoke(token_id).as_dict()
