"""House rules that a reader relies on, checked over the source (STYLE.md, "Lessons from our own
code"): a view module is short enough to read whole, a view renders from one place, and the
words of docs/woordenlijst.md keep one meaning."""

import ast
import re
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parent.parent
APPS = ["kern", "casussen", "routekaart", "afspraken", "contacten", "leden"]
VIEWMODULES = sorted(
    pad
    for app in APPS
    for pad in [*(BASIS / app).glob("views.py"), *(BASIS / app).glob("views/*.py")]
    if pad.name != "__init__.py"
)


def _naam(pad: Path) -> str:
    return str(pad.relative_to(BASIS))


@pytest.mark.parametrize("pad", VIEWMODULES, ids=_naam)
def test_a_view_module_stays_short_enough_to_read_whole(pad):
    assert len(pad.read_text(encoding="utf-8").splitlines()) <= 300


def _renders(functie: ast.FunctionDef) -> list[int]:
    """The lines where `functie` itself (not a nested function) calls render()."""
    regels = []
    stapel = list(ast.iter_child_nodes(functie))
    while stapel:
        knoop = stapel.pop()
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(knoop, ast.Call) and getattr(knoop.func, "id", None) == "render":
            regels.append(knoop.lineno)
        stapel.extend(ast.iter_child_nodes(knoop))
    return regels


@pytest.mark.parametrize("pad", VIEWMODULES, ids=_naam)
def test_a_view_renders_its_template_from_one_place(pad):
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    meervoudig = {
        f.name: regels
        for f in boom.body
        if isinstance(f, ast.FunctionDef) and len(regels := _renders(f)) > 1
    }
    assert meervoudig == {}


def _bron(*globs: str) -> str:
    return "\n".join(
        pad.read_text(encoding="utf-8")
        for app in APPS
        for glob in globs
        for pad in (BASIS / app).rglob(glob)
        if "migrations" not in pad.parts
    )


def test_the_glossary_exists_and_names_the_ambiguous_words():
    woordenlijst = (BASIS / "docs" / "woordenlijst.md").read_text(encoding="utf-8")
    for woord in (
        "versie",
        "revisie",
        "beslissing",
        "antwoord",
        "inbreng",
        "kaart",
        "aard",
        "soort",
    ):
        assert re.search(rf"\b{woord}\b", woordenlijst, re.IGNORECASE), woord


def test_words_that_went_are_gone_from_the_code():
    code = _bron("*.py")
    # One word per meaning: a route step is a Stap, the content load a Inhoudsstand, the live
    # session's answer an Inbreng, the lock a revisie.
    for weg in (r"\bKnoop\b", r"\bContentVersie\b", r"\bclass Antwoord\b", r"\bpdf_antwoord\b"):
        assert not re.search(weg, code), weg


def test_the_route_front_matter_names_a_steps_kind_aard():
    for pad in (BASIS / "content" / "route").glob("*.md"):
        voorwerk = pad.read_text(encoding="utf-8").split("---")[1]
        assert re.search(r"^aard:", voorwerk, re.M), pad.name
        assert not re.search(r"^soort:", voorwerk, re.M), pad.name
