"""The language people read the tracker in.

Django's ``LocaleMiddleware`` picks it for every request: the cookie the switcher sets,
else the browser's ``Accept-Language``, else ``LANGUAGE_CODE``. For a signed-in user the
language kept on their profile wins (:class:`ProfileLanguageMiddleware`), so that it
follows them from one browser to another and their reminder e-mails are written in it.
The switcher (:func:`set_language`) is Django's own view, which also keeps the choice on
the profile; a first login records the language the browser asked for
(:func:`remember_language_at_login`) until the user chooses one.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from recommendations import people


class ProfileLanguageMiddleware:
    """Activate the signed-in user's chosen language (after ``LocaleMiddleware`` and
    ``AuthenticationMiddleware``); the profile is the one the rules read anyway."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            profile = getattr(user, "profile", None)
            if profile is not None and profile.language in dict(settings.LANGUAGES):
                translation.activate(profile.language)
                request.LANGUAGE_CODE = profile.language
        return self.get_response(request)


@require_POST
def set_language(request):
    """Django's ``set_language`` (the cookie, the redirect to ``next``), and for a
    signed-in user the choice kept on their profile."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        people.user_language_set(user=request.user, language=language)
    return response


@receiver(user_logged_in)
def remember_language_at_login(sender, request, user, **kwargs):
    """A user who never chose a language keeps the one they were shown when logging in
    (their browser's, or the switcher's cookie): their e-mails are then written in it."""
    if request is None:
        return
    language = translation.get_language_from_request(request)
    people.user_language_set(user=user, language=language, only_if_unset=True)
