# Hand-written in overrides/_exports.py; `codegen generate` ships it unchanged.
"""How ``import backup_api_client`` stays cheap: every name but the exceptions is imported lazily.

Hand-written (overrides/_exports.py). The package's generated ``__init__`` imports the exceptions,
names everything else for type checkers, lists ``__all__`` (the exceptions and ``_LAZY``'s names)
and takes ``__getattr__`` and ``__dir__`` from here: the client (and httpx) are imported when one
of their names is first used.
"""

import typing as _typing

from ._exceptions import __all__ as _exceptions_all

if _typing.TYPE_CHECKING:
    pass

# Where each lazily imported name lives; the public submodules are imported on first use too.
_LAZY: dict[str, str] = {
    "BackupApiClient": "client",
    "AsyncBackupApiClient": "client",
    "DEFAULT_BASE_URL": "client",
    "DEFAULT_MAX_RETRIES": "_constants",
    "DEFAULT_TIMEOUT": "_constants",
    "NOT_GIVEN": "_types",
    "NotGiven": "_types",
    "Stream": "_streaming",
    "AsyncStream": "_streaming",
    "APIResponse": "_response",
    "AsyncAPIResponse": "_response",
}
_SUBMODULES = frozenset({"api", "client", "errors", "models", "types"})
_PACKAGE = __name__.rpartition(".")[0]

__all__ = ["__dir__", "__getattr__"]


def __getattr__(name: str) -> _typing.Any:
    import sys
    from importlib import import_module

    if name in _SUBMODULES:
        return import_module(f"{_PACKAGE}.{name}")
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {_PACKAGE!r} has no attribute {name!r}")
    value = getattr(import_module(f"{_PACKAGE}.{module_name}"), name)
    vars(sys.modules[_PACKAGE])[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*_exceptions_all, *_LAZY, "__version__", *_SUBMODULES})
