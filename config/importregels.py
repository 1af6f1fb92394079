"""An import-linter contract of our own: no module imports another module's `_private` name.

import-linter's own contracts follow modules; a name such as `_terug` in
`from afspraken.views.live import _terug` is invisible to them, so this contract reads the
import statements of the root packages itself. A name with a leading underscore (not a dunder)
is its module's own business: when a second module needs it, it gets a public name, in the module
where the idea lives (see docs/woordenlijst.md and STYLE.md, "Shared logic has its own module").
Relative imports count too; `__future__` and third-party modules are not ours to judge.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from importlinter.application import output
from importlinter.domain.contract import Contract, ContractCheck


def _prive(naam: str) -> bool:
    return naam.startswith("_") and not (naam.startswith("__") and naam.endswith("__"))


def _bronbestanden(pakket: str) -> list[tuple[str, Path]]:
    """(module name, file) for every Python file of the package `pakket`."""
    spec = importlib.util.find_spec(pakket)
    if spec is None or not spec.submodule_search_locations:
        return []
    wortel = Path(next(iter(spec.submodule_search_locations)))
    bestanden = []
    for pad in sorted(wortel.rglob("*.py")):
        delen = [pakket, *pad.relative_to(wortel).with_suffix("").parts]
        if delen[-1] == "__init__":
            delen.pop()
        bestanden.append((".".join(delen), pad))
    return bestanden


def _absoluut(module: str, is_pakket: bool, knoop: ast.ImportFrom) -> str:
    """The absolute module an `ImportFrom` reads from, also for `from . import x`."""
    if not knoop.level:
        return knoop.module or ""
    basis = module.split(".")
    if not is_pakket:
        basis.pop()
    basis = basis[: len(basis) - (knoop.level - 1)]
    return ".".join([*basis, *([knoop.module] if knoop.module else [])])


class GeenPriveNamen(Contract):
    """No module of the root packages imports a `_name` from another module (`from x import _y`,
    relative imports included): a private name belongs to the one module that defines it."""

    type_name = "private_names"

    def check(self, graph, verbose: bool) -> ContractCheck:
        overtredingen = []
        for pakket in sorted(self.session_options["root_packages"]):
            for module, pad in _bronbestanden(pakket):
                boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
                for knoop in ast.walk(boom):
                    if not isinstance(knoop, ast.ImportFrom) or knoop.module == "__future__":
                        continue
                    bron = _absoluut(module, pad.name == "__init__.py", knoop)
                    if bron.split(".")[0] not in self.session_options["root_packages"]:
                        continue
                    for alias in knoop.names:
                        if _prive(alias.name) and bron != module:
                            overtredingen.append(
                                f"{module}:{knoop.lineno} imports {alias.name} from {bron}"
                            )
        return ContractCheck(kept=not overtredingen, metadata={"overtredingen": overtredingen})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for regel in check.metadata["overtredingen"]:
            output.print_error(f"- {regel}")
            output.new_line()
