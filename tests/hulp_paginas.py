"""Helpers for tests that look at public pages: the list of public URLs, and page text as a
reader sees it (tags stripped, entities unescaped, whitespace collapsed)."""

import re
from html.parser import HTMLParser

import markdown
import yaml
from django.urls import reverse

from casussen.models import Fenomeen
from routekaart.models import PartnerRol, Stap

VASTE_URLS = ["/", "/partners/", "/casussen/", "/afspraken-maken/", "/colofon/", "/privacy/"]
VASTE_URLS.append("/toegankelijkheid/")

# Blocks whose text a reader sees as one unit; a content paragraph must appear whole in the page.
_BLOKKEN = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "dd", "dt", "blockquote", "figcaption"}


def publieke_urls() -> list[str]:
    """Every public page, from the loaded content (needs the database)."""
    urls = list(VASTE_URLS)
    urls += [reverse("routekaart:partner", args=[p.slug]) for p in PartnerRol.objects.all()]
    urls += [reverse("casussen:fenomeen", args=[f.slug]) for f in Fenomeen.objects.all()]
    urls += [reverse("routekaart:uitleg", args=[s.slug]) for s in Stap.objects.all()]
    return urls


class _Tekst(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self.blokken: list[list[str]] = []
        self._overslaan = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._overslaan += 1
        if tag in _BLOKKEN:
            self.blokken.append([])
        # A tag boundary is a word boundary unless it is inline; a space too many is harmless
        # because whitespace is collapsed and compared on both sides.
        if tag in _BLOKKEN or tag in ("br", "div", "ul", "ol", "section", "article"):
            self.delen.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._overslaan -= 1
        if tag in _BLOKKEN:
            self.delen.append(" ")

    def handle_data(self, data):
        if self._overslaan:
            return
        self.delen.append(data)
        if self.blokken:
            self.blokken[-1].append(data)


def _normaal(tekst: str) -> str:
    tekst = tekst.replace("(link volgt)", "")
    return re.sub(r"\s+", " ", tekst).strip()


def tekst(html: str) -> str:
    """The text of an HTML page or fragment as a reader sees it, whitespace collapsed. The
    publisher's "(link volgt)" note is left out so that a link's text compares with its source."""
    parser = _Tekst()
    parser.feed(html)
    return re.sub(r"\s+([.,;:!?)])", r"\1", _normaal("".join(parser.delen)))


def md_tekst(bron: str) -> str:
    """Markdown source as its reader sees it once rendered (independently of the app's renderer)."""
    return tekst(markdown.markdown(str(bron), extensions=["tables", "sane_lists"]))


def md_blokken(bron: str) -> list[str]:
    """The text of each paragraph, list item or table cell of a Markdown source."""
    parser = _Tekst()
    parser.feed(markdown.markdown(str(bron), extensions=["tables", "sane_lists"]))
    blokken = [re.sub(r"\s+([.,;:!?)])", r"\1", _normaal("".join(b))) for b in parser.blokken]
    return [b for b in blokken if b]


def pagina_tekst(client, url: str) -> str:
    antwoord = client.get(url)
    assert antwoord.status_code == 200, url
    return tekst(antwoord.content.decode())


def platte_tekst(bron: str) -> str:
    """Plain (not Markdown) source text as it reads on a page: whitespace collapsed."""
    return re.sub(r"\s+([.,;:!?)])", r"\1", _normaal(str(bron)))


def lees_content(pad) -> tuple[dict, str]:
    """Front matter and body of a content file, read directly (not through load_content)."""
    _, meta, body = pad.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(meta), body
