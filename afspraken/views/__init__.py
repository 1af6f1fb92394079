"""Views of the OOV area, one module per feature: the agreements table (`tabel`), the published
versions (`publiceren`), the vredestijd session (`sessie`, `sessie_nieuw` for a new one,
`bespreken` for its plenary and agreements, `samenvatting` for its summary, `live` for the beamer
and its controls), a participant on their own phone (`doe_mee`, and `sessiecode` for the
regisseur's controls of joining) and the evaluation (`evaluatie`). Access is decided by
`afspraken.toegang` (one decorator); objects are always fetched through the URL's network, for
a view of one session, agreement or evaluation by `regisseur_sessie` and the like in
`afspraken.views.hulp`. What several views do to agreements is in `afspraken.diensten`."""
