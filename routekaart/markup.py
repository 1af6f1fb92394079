"""Markdown to safe HTML, done once when content is loaded (pages serve the stored result)."""

import re

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
    return _NOG_INVULLEN.sub(r'\1 <span class="link-volgt">(link volgt)</span>', schoon).strip()


def render_inline(tekst: str) -> str:
    """Like `render`, for a single line or short paragraph: without the wrapping <p>."""
    html = render(tekst)
    match = _P_OMHULSEL.match(html)
    if match and "<p>" not in match.group(1):
        return match.group(1)
    return html
