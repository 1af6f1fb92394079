"""The layers of the apps are checked by import-linter (`lint-imports`, in `make lint`): the
contracts in pyproject.toml hold for the tree, and a copy of the tree that breaks one fails."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parent.parent
PAKKETTEN = ["kern", "casussen", "routekaart", "afspraken", "contacten", "leden", "config"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(map: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=map, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    """The apps and pyproject.toml, copied to a folder of their own."""
    for pakket in PAKKETTEN:
        shutil.copytree(
            BASIS / pakket, tmp_path / pakket, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(BASIS / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _voeg_toe(bestand: Path, regel: str) -> None:
    bestand.write_text(bestand.read_text(encoding="utf-8") + f"\n{regel}\n", encoding="utf-8")


def test_the_tree_keeps_every_contract():
    uitkomst = _lint_imports(BASIS)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "kept, 0 broken" in uitkomst.stdout


def test_the_route_importing_an_agreement_outside_the_seam_breaks_the_layers(kopie):
    _voeg_toe(kopie / "routekaart" / "views" / "paginas.py", "from afspraken.models import Netwerk")
    uitkomst = _lint_imports(kopie)
    assert uitkomst.returncode != 0
    assert "routekaart is not allowed to import afspraken" in uitkomst.stdout
    assert "routekaart.views.paginas -> afspraken.models" in uitkomst.stdout


def test_the_kernel_importing_an_app_breaks_a_contract(kopie):
    _voeg_toe(kopie / "kern" / "rem.py", "from casussen.models import Modus")
    uitkomst = _lint_imports(kopie)
    assert uitkomst.returncode != 0
    assert "kern is not allowed to import casussen" in uitkomst.stdout


def test_importing_another_modules_private_name_breaks_a_contract(kopie):
    _voeg_toe(kopie / "leden" / "diensten.py", "from kern.gezond import _controle")
    uitkomst = _lint_imports(kopie)
    assert uitkomst.returncode != 0
    assert "leden.diensten" in uitkomst.stdout
    assert "imports _controle from kern.gezond" in uitkomst.stdout
