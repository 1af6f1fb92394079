import re

import pytest
from django.core import mail
from django.core.cache import cache

from tests.afspraken.personas import *  # noqa: F401,F403 (the persona fixtures)

LINK = re.compile(r"https?://[^\s]+/uitnodiging/([^/\s]+)/")


@pytest.fixture(autouse=True)
def _lege_rem():
    """Every test starts and ends with no throttle counts (kern.rem keeps them in the
    cache, which is shared by the tests of one process)."""
    cache.clear()
    yield
    cache.clear()


def token_uit_mail(bericht=None) -> str:
    """The invitation token in the last mail sent (or in `bericht`)."""
    bericht = bericht or mail.outbox[-1]
    return LINK.search(bericht.body)[1]
