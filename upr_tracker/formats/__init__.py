"""How each language writes dates (Django's ``FORMAT_MODULE_PATH``): one format per
language, used by every page, export and e-mail through ``|date`` and
``django.utils.formats``. A language without a module here uses Django's own."""
