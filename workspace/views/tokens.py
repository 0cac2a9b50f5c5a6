"""``/workspace/tokens/``: a signed-in user's own API tokens, without a shell.

Make a named token (its text is shown in the answer to that request, once: only its
hash is stored), see when each was last used, revoke one (from the next request on it
answers 401). Who may hold tokens, which are read-only and who may revoke which is
``recommendations.rules``; creating and revoking is ``api_tokens.services``.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from api_tokens.models import ApiToken
from api_tokens.services import api_token_create, api_token_revoke
from recommendations import rules


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the token is for"),
        max_length=100,
        help_text=_("A name you will recognise later, e.g. “UNDP quarterly report”."),
    )


def _require_token_holder(request):
    if not rules.may_have_api_token(request.user):
        raise PermissionDenied(_("API tokens are for users with a role in the tracker."))


@never_cache
@login_required
def api_tokens(request):
    """The user's tokens and a form to make one; after making one, its text, once."""
    _require_token_holder(request)
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        token, text = api_token_create(user=request.user, name=form.cleaned_data["name"])
        created = (token, text)
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user).order_by("revoked_at", "-created_at")
    return render(
        request,
        "workspace/api_tokens.html",
        {
            "form": form,
            "created": created,
            "tokens": tokens,
            "read_only": rules.api_token_is_read_only(request.user),
        },
        status=201 if created else 200,
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    """Revoke one of the user's tokens: 404 for a token that is not theirs to revoke."""
    _require_token_holder(request)
    token = ApiToken.objects.filter(pk=pk).select_related("user").first()
    if token is None or not rules.may_revoke_api_token(request.user, token):
        raise Http404(_("No such token."))
    api_token_revoke(token=token)
    messages.success(
        request,
        _("The token %(prefix)s… is revoked: it no longer opens the API.")
        % {"prefix": token.prefix},
    )
    return redirect("workspace:api_tokens")
