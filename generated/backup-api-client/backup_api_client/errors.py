# Hand-written in overrides/errors.py; `codegen generate` ships it unchanged.
"""The exceptions API functions raise: the same classes as the package root (see `_exceptions`)."""

from ._exceptions import *  # noqa: F403
from ._exceptions import __all__ as __all__
