"""A stage package's public surface: names imported from its modules on first use (PEP 562), so that importing
the package costs nothing and stage modules may import each other's modules without import cycles."""
from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, modules: dict[str, tuple[str, ...]]) -> tuple[list[str], Callable, Callable]:
    """(``__all__``, ``__getattr__``, ``__dir__``) for ``package``, which exports ``modules[m]`` from module m."""
    exports = {name: module for module, names in modules.items() for name in names}
    names = sorted(exports)

    def __getattr__(name: str):
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    def __dir__() -> list[str]:
        return names

    return names, __getattr__, __dir__
