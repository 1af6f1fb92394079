"""The seam between the route walk and the agreements: what a logged-in member sees at step 3.

The route calls only this function; the afspraken app decides what it returns.
"""

from __future__ import annotations

from typing import Any


def afspraken_voor_route(user: Any, fenomeen: str) -> list:
    """The published agreements of the user's network(s) whose soort casus matches the chosen
    phenomenon (slug, or "" when unknown), plus those of soort "Algemeen". Anonymous: []."""
    return []
