"""Cross-field rules, one module per part of the profile. Every module here is loaded, and its
``@rule`` functions registered, the first time rules run."""

import importlib
import pkgutil


def load_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
