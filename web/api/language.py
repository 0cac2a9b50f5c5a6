"""The API's language: ``?lang=`` (en, ru, be), else what ``LocaleMiddleware`` chose from
``Accept-Language`` (or, for a signed-in browser, the profile's language). Messages, the
schema's descriptions and the recommendations' ``text`` follow it; ``Content-Language``
says which it was."""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext

PARAMETER = "lang"


class ApiLanguageMiddleware:
    """For requests to the API: activate the language ``?lang=`` names; a language the
    tracker does not speak is a 400 that names the parameter, as for any filter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and PARAMETER in request.GET:
            language = request.GET[PARAMETER].strip().lower()
            languages = dict(settings.LANGUAGES)
            if language not in languages:
                message = gettext("Choose one of %(languages)s.") % {
                    "languages": ", ".join(languages)
                }
                return JsonResponse({PARAMETER: [message]}, status=400)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
