"""Markdown to safe HTML, done once when content is loaded (pages serve the stored result)."""

import re
from html import escape, unescape

import bleach
import markdown as md

TOEGESTANE_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
     "code", "table", "thead", "tbody", "tr", "th", "td", "abbr", "hr"}
)  # fmt: skip
TOEGESTANE_ATTRIBUTEN = {"a": ["href", "title"], "abbr": ["title"], "th": ["scope"]}
TOEGESTANE_PROTOCOLLEN = frozenset({"http", "https", "mailto"})

# A link the publisher still has to fill in: `[naam](#nog-invullen)`. Shown as text with a note
# instead of a link that goes nowhere.
_NOG_INVULLEN = re.compile(r'<a href="#nog-invullen"(?: title="[^"]*")?>(.*?)</a>', re.S)
_P_OMHULSEL = re.compile(r"^<p>(.*)</p>$", re.S)
# A link to another website. It opens in the same tab like any link; its accessible name adds
# "(externe website)" to the visible text, so a screen reader says the link leaves the site. An
# aria-label that starts with the visible text keeps "label in name" (WCAG 2.5.3) and leaves the
# text on the page as the publisher wrote it.
_EXTERN = re.compile(r'<a (href="https?://[^"]*"[^>]*)>(.*?)</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
EXTERN = "externe website"


def render(tekst: str) -> str:
    """Markdown → HTML with only the allow-listed tags, attributes and link protocols."""
    html = md.markdown(tekst or "", extensions=["tables", "sane_lists"], output_format="html")
    schoon = bleach.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        protocols=TOEGESTANE_PROTOCOLLEN,
        strip=True,
        strip_comments=True,
    )
    schoon = _NOG_INVULLEN.sub(r'\1 <span class="link-volgt">(link volgt)</span>', schoon)
    return _EXTERN.sub(_extern, schoon).strip()


def _extern(match: re.Match) -> str:
    attributen, inhoud = match.groups()
    naam = " ".join(unescape(_TAG.sub("", inhoud)).split())
    label = escape(f"{naam} ({EXTERN})")
    return f'<a {attributen} aria-label="{label}">{inhoud}</a>'


def render_inline(tekst: str) -> str:
    """Like `render`, for a single line or short paragraph: without the wrapping <p>."""
    html = render(tekst)
    match = _P_OMHULSEL.match(html)
    if match and "<p>" not in match.group(1):
        return match.group(1)
    return html
