"""The layout goes one way: ``web`` (the plumbing every door shares) under
``recommendations`` under ``missions``, the demo on top; the contracts are in
pyproject.toml, checked by import-linter on every import, however indirect."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# import-linter's `lint-imports` command, run by this interpreter.
LINT_IMPORTS = [
    sys.executable,
    "-c",
    "from importlinter.cli import lint_imports_command; lint_imports_command()",
]


def test_the_apps_import_each_other_one_way_only():
    result = subprocess.run(
        [*LINT_IMPORTS, "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
