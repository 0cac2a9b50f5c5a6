"""Where the real UPR files shared by the project live, for tests that read them.

``UPR_SHARED_DATA`` names the folder; by default it is ``<repository>/../shared/data``. Without
it a test is skipped on a developer's machine, but fails in CI (``CI=true``): a suite that
silently skips its real-data tests must not pass there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
DEMO_DATA = REPOSITORY / "demo" / "data"


def shared_data_dir() -> Path:
    """The shared data folder; skips the calling test (fails it in CI) when it is not there."""
    folder = Path(os.environ.get("UPR_SHARED_DATA", REPOSITORY.parent / "shared" / "data"))
    if not (folder / "upr-info-export").is_dir():
        message = f"shared UPR data not found in {folder} (set UPR_SHARED_DATA)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return folder


def upr_info_export(name: str) -> bytes:
    """The bytes of one UPR Info export of the shared data (1-5.csv, 6-9.csv, 17-20.csv)."""
    return (shared_data_dir() / "upr-info-export" / name).read_bytes()


def demo_file(name: str) -> bytes:
    """The bytes of one of the demo's own copies of the public files (2010data.csv, 6-9.csv)."""
    return (DEMO_DATA / name).read_bytes()


UPR_INFO_EXPORTS = ("1-5.csv", "6-9.csv", "17-20.csv")


def whole_upr_info_export() -> bytes:
    """The three UPR Info exports as one file (sessions 1–9 and 17–20, every state reviewed
    in them), the header once, as UPR Info writes its files: Mac Roman, CR line endings."""
    header, *parts = (
        upr_info_export(name).rstrip(b"\r").split(b"\r", 1) for name in UPR_INFO_EXPORTS
    )
    assert all(part[0] == header[0] for part in parts), "the exports' headers differ"
    return b"\r".join([header[0], header[1], *(part[1] for part in parts)]) + b"\r"
