# The personas live in a module of their own so that tests elsewhere (tests/test_autorisatie.py,
# the browser tests) can star-import them too.
import pytest

from tests.afspraken.personas import *  # noqa: F401,F403


@pytest.fixture
def regie(client, content, netwerk_a, regisseur_a, als):
    """A logged-in regisseur of network A, with the content loaded."""
    return als(client, regisseur_a)
