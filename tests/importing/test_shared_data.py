"""Tests on the real data skip without it on a laptop, and fail without it in CI."""

import pytest

from .shared_data import shared_data_dir


def test_missing_shared_data_skips_the_test_outside_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("UPR_SHARED_DATA", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)

    with pytest.raises(pytest.skip.Exception, match="shared UPR data not found"):
        shared_data_dir()


def test_missing_shared_data_fails_the_test_in_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("UPR_SHARED_DATA", str(tmp_path))
    monkeypatch.setenv("CI", "true")

    with pytest.raises(pytest.fail.Exception, match="shared UPR data not found"):
        shared_data_dir()


def test_present_shared_data_is_found(monkeypatch, tmp_path):
    (tmp_path / "upr-info-export").mkdir()
    monkeypatch.setenv("UPR_SHARED_DATA", str(tmp_path))

    assert shared_data_dir() == tmp_path
