"""The backups' serialization: Django's JSON Lines, but with times to the
microsecond (Django's JSON encoder cuts them to milliseconds, which would
change every timestamp a backup round-trips, the history's included).
Registered as the format ``upr-jsonl`` by ``operations.backups``."""

import datetime

from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "upr-jsonl"


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(jsonl.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        # Django's private hook for the options (jsonl.Serializer), missing from django-stubs.
        super()._init_options()  # type: ignore[misc]


Deserializer = jsonl.Deserializer
