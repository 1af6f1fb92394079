"""`{% vaste_url %}` and `{% vaste_static %}`: `{% url %}` and `{% static %}` for the links of the
site's frame (base.html: the menu, the footer, the stylesheet), worked out once per process.

Every page shows the same dozen frame links, and reversing a URL name walks the URL patterns
each time (with `{% static %}`'s manifest lookup, a tenth of a page's render time). The answers
only change when the code or the static files do, and a deploy starts new processes, so a memo
in the process is never stale: unlike a `{% cache %}` block (shared through Redis across a
deploy), it cannot outlive the code that made it. The script prefix and the request's urlconf
are part of the key, as `reverse()` depends on them. Use them only for names without
request-dependent arguments; anything else keeps `{% url %}`.
"""

import functools

from django import template
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.cache
def _url(naam: str, args: tuple, prefix: str, urlconf: str | None) -> str:
    return reverse(naam, args=args, urlconf=urlconf)


@functools.cache
def _static(pad: str, prefix: str) -> str:
    return static(pad)


@register.simple_tag
def vaste_url(naam: str, *args) -> str:
    """`{% url naam arg… %}`, reversed once per process."""
    return _url(naam, args, get_script_prefix(), get_urlconf())


@register.simple_tag
def vaste_static(pad: str) -> str:
    """`{% static pad %}`, looked up once per process."""
    return _static(pad, get_script_prefix())
