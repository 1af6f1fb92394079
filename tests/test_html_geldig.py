"""Every public page is valid HTML according to the Nu Html Checker (one Java run for all)."""

from tests.conftest import vnu_fouten
from tests.hulp_paginas import publieke_urls


def test_every_public_page_passes_the_nu_html_checker(client, content):
    urls = publieke_urls()
    # Also the filtered case list, whose form shows chosen options.
    urls.append("/casussen/?modus=online&fenomeen=fraude")
    paginas = {url: client.get(url).content.decode() for url in urls}
    assert vnu_fouten(paginas) == []
