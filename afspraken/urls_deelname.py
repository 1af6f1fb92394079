"""The participants' side of a live session (issue 11): joining by code or QR on their own phone,
and their cases and answers. Included by afspraken/urls.py: `doe_mee` under /doe-mee/, `regie`
under a session's /afspraken/<netwerk>/sessies/<pk>/deelname/ (the regisseur's controls: a new
code, releasing a claim). Names stay flat in the "afspraken" namespace."""

doe_mee: list = []
regie: list = []
