"""Fixtures of the routekaart tests."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def kopie(tmp_path) -> Path:
    """A copy of the shipped content that a test may break."""
    doel = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, doel)
    return doel
