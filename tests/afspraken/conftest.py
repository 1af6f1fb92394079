# The personas live in a module of their own so that tests elsewhere (tests/test_autorisatie.py,
# the browser tests) can star-import them too.
from tests.afspraken.personas import *  # noqa: F401,F403
