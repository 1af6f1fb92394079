"""`{% vaste_url %}` and `{% vaste_static %}`: the template tags of `kern.adressen` (links of the
frame worked out once per process; see there why and when to use them)."""

from django import template

from kern.adressen import vaste_static, vaste_url

register = template.Library()
register.simple_tag(vaste_url)
register.simple_tag(vaste_static)
