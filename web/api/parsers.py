import io

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from .exceptions import RequestBodyTooLarge


class JSONParser(parsers.JSONParser):
    """JSON bodies of at most ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bytes (413 beyond).

    REST framework reads the body as a stream, past Django's own size check, so
    the limit is applied here before anything is decoded.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None:
            body = stream.read(limit + 1)
            if len(body) > limit:
                raise RequestBodyTooLarge()
            stream = io.BytesIO(body)
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - nested too deeply.") from error
