"""``Authorization: Token upr_…``: API tokens (app ``api_tokens``), beside the site's session."""

from django.utils.translation import gettext
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from api_tokens.services import api_token_authenticate


class ApiTokenAuthentication(BaseAuthentication):
    """Authenticates ``Authorization: Token <token>``; ``request.auth`` is the ApiToken.

    A request without that header is left to the other methods (the session);
    an unknown, revoked or malformed token is refused with 401, never ignored.
    """

    keyword = "Token"

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != self.keyword.lower().encode():
            return None
        if len(words) != 2:
            raise AuthenticationFailed(
                gettext("Send 'Authorization: Token <token>', the token in one piece.")
            )
        try:
            text = words[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise AuthenticationFailed(gettext("Unknown or revoked token.")) from error
        token = api_token_authenticate(text)
        if token is None:
            raise AuthenticationFailed(gettext("Unknown or revoked token."))
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword
