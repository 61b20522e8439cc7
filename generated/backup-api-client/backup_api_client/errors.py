# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""The exceptions API functions raise: the same classes as the package root (see `_exceptions`)."""

from ._exceptions import *  # noqa: F403
from ._exceptions import __all__ as __all__
