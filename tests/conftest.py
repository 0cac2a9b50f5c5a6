import pytest


@pytest.fixture(autouse=True)
def demo_password_file(settings, tmp_path):
    """Tests never touch the developer's remembered demo passwords."""
    settings.UPR_DEMO_PASSWORD_FILE = tmp_path / "demo_passwords"


@pytest.fixture
def demo(db):
    """The whole demo data set, loaded as `make run` loads it."""
    from recommendations.demo.loader import load_demo

    return load_demo(password="demo password for tests")
