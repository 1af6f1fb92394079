"""The one check for a "back to where you were" address that a visitor sends along (a form's
`terug` field, a `?terug=` query): a path on this site below a known prefix, never another host."""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme


def veilige_terugweg(terug: str, onder: str, anders: str) -> str:
    """`terug` when it is a path of this site that starts with `onder`, else `anders`.

    A scheme, a host, a double slash anywhere or a backslash (which browsers read as a slash) never passes, so
    the address cannot send the visitor to another site."""
    veilig = (
        terug.startswith(onder)
        and "//" not in terug
        and "\\" not in terug
        and url_has_allowed_host_and_scheme(terug, allowed_hosts=None)
    )
    return terug if veilig else anders
