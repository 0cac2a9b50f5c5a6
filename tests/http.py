"""Real HTTP requests to a server the test started (a live server, gunicorn),
sent all at once from threads when concurrency is what is tested."""

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def send(url, *, method="GET", body=None, headers=None, timeout=60) -> Answer:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read())


def send_all_at_once(requests: list[dict]) -> list[Answer]:
    """Send every request (keyword arguments of ``send``) from its own thread, all
    released together; the answers in the same order."""
    start = threading.Barrier(len(requests))

    def one(arguments):
        start.wait()
        return send(**arguments)

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(one, requests))
