from django.http import JsonResponse
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt  # a 404 for any method: nothing here to protect, and no HTML error page
def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": gettext("Not found.")}, status=404)
