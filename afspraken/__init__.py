"""A network's agreements: the networks and their members (`Netwerk`, `Lidmaatschap`), the
agreements table with its case types, versions and PDF (`Afspraak`, `SoortCasus`, `Publicatie`),
and the vredestijd session that produces them, live on the participants' phones (`Sessie`,
`Deelnemer`, `SessieCasus`, `Inbreng`)."""
