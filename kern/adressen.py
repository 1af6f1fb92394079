"""`vaste_url` and `vaste_static`: `reverse()`/`{% url %}` and `static()`/`{% static %}` for the links
of the site's frame and the route (base.html: the menu, the footer, the stylesheet), worked out once per process.

Every page shows the same dozen frame links, and reversing a URL name walks the URL patterns
each time (with `{% static %}`'s manifest lookup, a tenth of a page's render time). The answers
only change when the code or the static files do, and a deploy starts new processes, so a memo
in the process is never stale: unlike a `{% cache %}` block (shared through Redis across a
deploy), it cannot outlive the code that made it. What the answers depend on is part of the
key: the script prefix and the urlconf for `reverse()`, STATIC_URL and the storage for
`static()`. Use them only for names without request-dependent arguments; anything else keeps
`{% url %}`.
"""

import functools

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.cache
def _url(naam: str, args: tuple, prefix: str, urlconf: str) -> str:
    return reverse(naam, args=args, urlconf=urlconf)


@functools.cache
def _static(pad: str, static_url: str, opslag: str) -> str:
    return static(pad)


def vaste_url(naam: str, *args) -> str:
    """`reverse(naam, args=args)` (`{% url naam arg… %}`), worked out once per process."""
    # Outside a request (a PDF, an e-mail) no urlconf is set: then the settings' one is used.
    return _url(naam, args, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def vaste_static(pad: str) -> str:
    """`static(pad)` (`{% static pad %}`), looked up once per process."""
    # STATIC_URL carries the script prefix; the storage backend decides hashed names or not.
    return _static(pad, settings.STATIC_URL, settings.STORAGES["staticfiles"]["BACKEND"])
