"""Phone: what a walker on a slow phone feels. Chromium (Debian's, through Playwright) at 375 x
800, the network throttled to 400 kbit/s down and up with 400 ms latency and the CPU slowed 4x
(Chrome DevTools Protocol), walks the route from /route/ by tapping the visible buttons
("Volgende", "Ja", …) against gunicorn as production runs it (bench/server.py).

Reports the first visit's load time (empty cache: HTML, CSS, JS), per tap the time until the
next step's heading (h1) is visible, and per step of the walk what a first visit to that step's
URL (empty cache) transfers: HTML, CSS and JS as sent, compressed, headers included.

    .venv/bin/python bench/telefoon.py

Goals: tap -> next heading <= 1.0 s (median); first visit <= 2.5 s; a step's first visit
<= 35 KB. Exits 1 when one is missed.
"""

from __future__ import annotations

import statistics
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.server import site  # noqa: E402

KBIT = 400
LATENTIE_MS = 400
CPU_VERTRAGING = 4
# Tapped in this order when visible: forward through the route, "Ja" at each fork (the longest
# path: partners, the review with them, acting, the actions).
KNOPPEN = ["Volgende", "Ja"]
MAX_TIKKEN = 15
DOEL_TIK, DOEL_EERSTE, DOEL_KB = 1.0, 2.5, 35

OVERGEDRAGEN = """() => performance.getEntriesByType("navigation")
    .concat(performance.getEntriesByType("resource"))
    .map((e) => [e.name.replace(location.origin, ""), e.transferSize, e.duration])"""

NIEUWE_KOP = """(oud) => {
  const kop = document.querySelector("h1");
  return kop !== null && kop.innerText.trim() !== oud && kop.checkVisibility();
}"""


def _knop(page):
    """The first visible button or link of KNOPPEN, or None at the end of the route."""
    for naam in KNOPPEN:
        for rol in ("button", "link"):
            kandidaten = page.get_by_role(rol, name=naam, exact=True)
            for i in range(kandidaten.count()):
                if kandidaten.nth(i).is_visible():
                    return naam, kandidaten.nth(i)
    return None


def main() -> int:
    from playwright.sync_api import sync_playwright

    with site() as basis, sync_playwright() as pw:
        # A phone meets a running server: warm both workers (templates compiled, content
        # loaded) so the figure is the phone's and the network's, not a cold start.
        for _ in range(8):
            for pad in ("/route/", "/route/bericht-duiden/"):
                with urllib.request.urlopen(basis + pad) as antwoord:
                    antwoord.read()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 375, "height": 800},
            is_mobile=True,
            has_touch=True,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
        )
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        bytes_per_seconde = KBIT * 1000 / 8
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": LATENTIE_MS,
                "downloadThroughput": bytes_per_seconde,
                "uploadThroughput": bytes_per_seconde,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_VERTRAGING})

        begin = time.perf_counter()
        page.goto(basis + "/route/", wait_until="load")
        page.locator("h1").wait_for(state="visible")
        eerste = time.perf_counter() - begin
        # What the first visit fetched: the page and everything it loads (bytes on the wire).
        bestanden = page.evaluate(OVERGEDRAGEN)
        tikken: list[tuple[str, str, float]] = []
        adressen = [page.url]
        for _ in range(MAX_TIKKEN):
            gevonden = _knop(page)
            if gevonden is None:
                break
            naam, knop = gevonden
            kop = page.locator("h1").first.inner_text().strip()
            begin = time.perf_counter()
            knop.tap()
            page.wait_for_function(NIEUWE_KOP, arg=kop, timeout=30_000)
            duur = time.perf_counter() - begin
            tikken.append((naam, page.locator("h1").first.inner_text().strip(), duur))
            adressen.append(page.url)
        # Each step's URL as a first visit (a shared link): a fresh context, so an empty cache.
        per_stap = []
        for adres in adressen:
            vers = browser.new_context(viewport={"width": 375, "height": 800})
            stap = vers.new_page()
            stap.goto(adres, wait_until="load")
            overgedragen = sum(grootte for _, grootte, _ in stap.evaluate(OVERGEDRAGEN))
            per_stap.append((stap.locator("h1").first.inner_text().strip(), overgedragen))
            vers.close()
        browser.close()

    print(
        f"Telefoon: Chromium 375 x 800, {KBIT} kbit/s op en neer, {LATENTIE_MS} ms latentie, "
        f"CPU {CPU_VERTRAGING}x trager"
    )
    ok_eerste = eerste <= DOEL_EERSTE
    print(
        f"  eerste bezoek /route/ (lege cache): {eerste:.2f} s (doel <= {DOEL_EERSTE} s) "
        f"{'PASS' if ok_eerste else 'FAIL'}"
    )
    for naam, grootte, duur in bestanden:
        print(f"    {naam[:50]:50} {grootte / 1024:6.1f} KB {duur / 1000:5.2f} s")
    for naam, kop, duur in tikken:
        print(f"  tik {naam!r:12} -> {kop[:45]:45} {duur:.2f} s")
    if not tikken:
        print("  geen knop gevonden om op te tikken: FAIL")
        return 1
    mediaan = statistics.median(d for _, _, d in tikken)
    ok_tik = mediaan <= DOEL_TIK
    print(
        f"  tik -> volgende kop: mediaan {mediaan:.2f} s, langste "
        f"{max(d for _, _, d in tikken):.2f} s over {len(tikken)} tikken "
        f"(doel mediaan <= {DOEL_TIK} s) {'PASS' if ok_tik else 'FAIL'}"
    )
    grootste = max(kb for _, kb in per_stap) / 1024
    ok_kb = grootste <= DOEL_KB
    print("  eerste bezoek per stap (lege cache, HTML + CSS + JS zoals verstuurd):")
    for kop, grootte in per_stap:
        print(f"    {kop[:50]:50} {grootte / 1024:6.1f} KB")
    print(f"  grootste: {grootste:.1f} KB (doel <= {DOEL_KB} KB) {'PASS' if ok_kb else 'FAIL'}")
    return 0 if ok_eerste and ok_tik and ok_kb else 1


if __name__ == "__main__":
    sys.exit(main())
