"""Views of the OOV area, one module per feature: the agreements table (`tabel`), the published
versions (`publiceren`), the vredestijd session (`sessie`, and `bespreken` for its plenary,
agreements and summary) and the evaluation (`evaluatie`). Access is decided by
`afspraken.toegang` (one decorator); objects are always fetched through the URL's network, for
a view of one session, agreement or evaluation by `regisseur_sessie` and the like in
`afspraken.views.hulp`. What several views do to agreements is in `afspraken.diensten`."""
