"""Debian's Chromium (never a browser Playwright downloads) and the flags it is launched with,
by the phone benchmark (bench/telefoon.py) and by the browser tests (tests/conftest.py). It lives
here because the benchmarks import nothing from the tests; the tests may import this module."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
