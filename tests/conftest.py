import pytest
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client
from django.utils import translation

# The ministries, standing users, clients per role and builders every test world shares.
pytest_plugins = ["tests.world"]


def pytest_configure(config):
    """The suite reads the catalogues as they are in locale/ now: a .po edited since the
    last `make` is compiled first (pure Python, only what changed)."""
    from web import translations

    for path in translations.catalogue_paths():
        translations.compile_catalogue(path)


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    """Tests never touch the developer's remembered demo passwords or uploads, and
    hash passwords quickly (the real hasher is slow on purpose). Each test starts
    with an empty cache, so no test is throttled for another's API requests."""
    settings.UPR_DEMO_PASSWORD_FILE = tmp_path / "demo_passwords"
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()


@pytest.fixture(autouse=True)
def language_of_its_own():
    """Each test starts in the default language and leaves none active behind it: a page
    requested in Belarusian leaves Belarusian active in the thread (the locale middleware
    activates it), and a test that draws without a request would then speak it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def client_login_passes_a_request(monkeypatch):
    """django-axes (the login lockout) needs the request in every authenticate();
    Django's test ``Client.login`` gives none, so tests' logins get an empty one.
    Real logins (the login page, the admin's, the API's) always pass theirs."""
    login = Client.login

    def login_with_request(self, **credentials):
        credentials.setdefault("request", HttpRequest())
        return login(self, **credentials)

    monkeypatch.setattr(Client, "login", login_with_request)


@pytest.fixture
def demo(db):
    """The whole demo data set, loaded as `make run` loads it."""
    from demo.loader import load_demo

    return load_demo(password="demo password for tests")
