from django.http import JsonResponse


def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found."}, status=404)
