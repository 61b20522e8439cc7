"""Hand-written methods of the generated resources, for what the generator cannot produce.

Hand-written (overrides/_custom.py). ``client.py`` (templates/client.py.jinja) makes the resource
of each tag listed in its ``custom_tags`` inherit ``<Tag>Custom`` / ``Async<Tag>Custom`` from
here, so a method defined below is a method of ``client.<tag>``. The streamed restore
(``client.backup.restore_stream``) belongs here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncBackupCustom", "BackupCustom"]


class BackupCustom:
    """Hand-written methods of ``client.backup``."""

    _client: SyncAPIClient


class AsyncBackupCustom:
    """Hand-written methods of ``client.backup`` (async)."""

    _client: AsyncAPIClient
