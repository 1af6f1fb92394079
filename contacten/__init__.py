"""A network's contacts ("Wie bel ik?"): the list the regisseur keeps, and the contacts a member
sees on the route."""
