"""Where the real UPR files shared by the project live, for tests that read them.

``UPR_SHARED_DATA`` names the folder; by default it is ``<repository>/../shared/data``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


def shared_data_dir() -> Path:
    """The shared data folder; skips the calling test when it is not there."""
    folder = Path(os.environ.get("UPR_SHARED_DATA", REPOSITORY.parent / "shared" / "data"))
    if not (folder / "upr-info-export").is_dir():
        pytest.skip(f"shared UPR data not found in {folder} (set UPR_SHARED_DATA)")
    return folder
