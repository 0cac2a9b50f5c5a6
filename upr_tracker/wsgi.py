"""WSGI entry point, for gunicorn: ``gunicorn upr_tracker.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

from upr_tracker.serving import ready_to_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr_tracker.settings")

application = get_wsgi_application()
ready_to_serve()
