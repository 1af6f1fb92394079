# The personas are a plugin module so that tests elsewhere (tests/test_autorisatie.py, the browser
# tests) can use them too, through `pytest_plugins = ["tests.afspraken.personas"]`.
from tests.afspraken.personas import *  # noqa: F401,F403
