"""The tracker type-checks: mypy, with django-stubs and the DRF stubs, finds nothing in any
of its packages (``[tool.mypy]`` in pyproject.toml says which, and how strictly)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_tracker_type_checks():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout
