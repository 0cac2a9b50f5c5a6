import pytest


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    """Tests never touch the developer's remembered demo passwords or uploads, and
    hash passwords quickly (the real hasher is slow on purpose)."""
    settings.UPR_DEMO_PASSWORD_FILE = tmp_path / "demo_passwords"
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    """The whole demo data set, loaded as `make run` loads it."""
    from recommendations.demo.loader import load_demo

    return load_demo(password="demo password for tests")
