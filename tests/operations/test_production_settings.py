"""The settings as an operator gets them (upr_tracker.settings read in a fresh
process, not the test suite's): DEBUG off unless asked for, a generated secret
key that only its owner may read, and `check --deploy` clean."""

import os
import secrets
import stat

from tests.servers import manage

PRINT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.DEBUG, settings.SECRET_KEY, settings.SESSION_COOKIE_SECURE, sep='|')"
)


def settings_seen(env) -> list[str]:
    """DEBUG, SECRET_KEY and SESSION_COOKIE_SECURE as a fresh process reads them."""
    output = manage("shell", "--no-imports", "-c", PRINT_SETTINGS, env=env).stdout
    return output.strip().splitlines()[-1].split("|")


def production(tmp_path, **overrides) -> dict:
    # Nothing of the test run's own (DEBUG, DJANGO_ALLOW_ASYNC_UNSAFE of the browser tests …).
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_")
        and name not in {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="upr_tracker.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECRET_KEY_FILE=str(tmp_path / "secret_key"),
        ALLOWED_HOSTS="tracker.example.org",
        **overrides,
    )
    return env


def test_debug_is_off_unless_asked_for(tmp_path):
    default = settings_seen(production(tmp_path))
    asked = settings_seen(production(tmp_path, DEBUG="true"))

    assert default[0] == "False"
    assert default[2] == "True"  # and so cookies go over HTTPS only
    assert asked[0] == "True"


def test_without_a_secret_key_one_is_generated_into_a_file_only_its_owner_may_read(tmp_path):
    first = settings_seen(production(tmp_path))
    again = settings_seen(production(tmp_path))

    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    assert len(key) >= 50
    assert first[1] == again[1] == key


def test_a_key_file_others_may_read_is_made_private(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text("an old key written by an earlier version of the tracker, 50+ chars")
    key_file.chmod(0o644)

    seen = settings_seen(production(tmp_path))

    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert seen[1].startswith("an old key")


def test_a_secret_key_in_the_environment_wins_and_no_file_is_written(tmp_path):
    key = secrets.token_urlsafe(50)

    seen = settings_seen(production(tmp_path, SECRET_KEY=key))

    assert seen[1] == key
    assert not (tmp_path / "secret_key").exists()


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = production(tmp_path, SECRET_KEY=secrets.token_urlsafe(50))

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env, check=False)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
