"""The facilitator's live screen of a session (issue 11): the polled answers and differences, the
beamer and its controls, the timer. Included by afspraken/urls.py under a session's
/afspraken/<netwerk>/sessies/<pk>/live/. Names stay flat in the "afspraken" namespace."""

urlpatterns: list = []
