"""The routekaart itself: the content (loaded from `content/`, `inlezen` and the snapshot in
`inhoud`), the route graph (`route`), a walk through it (`wandeling`, `stapformulier`, `notities`),
what its pages show (`presenter`) and the public pages (`views`). It knows nothing of networks
except through its one seam to them, `netwerk` (see the import contracts in pyproject.toml)."""
