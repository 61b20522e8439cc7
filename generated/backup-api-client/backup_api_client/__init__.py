# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""A client library for accessing Backup API"""

from .client import AuthenticatedClient, Client

__version__ = "1.0.0"

__all__ = (
    "AuthenticatedClient",
    "Client",
    "__version__",
)
