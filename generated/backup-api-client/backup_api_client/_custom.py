# Hand-written in overrides/_custom.py; `codegen generate` ships it unchanged.
"""Hand-written methods of the generated resources, for what the generator cannot produce.

Hand-written (overrides/_custom.py). Defining ``<Tag>Custom`` and ``Async<Tag>Custom`` here is
enough: codegen finds them, checks the spec has the tag, and the generated ``<Tag>Resource`` /
``Async<Tag>Resource`` inherit them, so a method defined below is a method of ``client.<tag>``.

The streamed restore is here: openapi-python-client 0.29.1 reads a ``text/event-stream`` answer
as one JSON document. ``restore_stream`` asks for the Server-Sent Events variant of
``POST /backup/{backup}/restore/streamed`` and yields one ``BackupStreamedProgress`` per event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    import httpx

    from ._base_client import AsyncAPIClient, SyncAPIClient
    from ._streaming import AsyncStream, Stream
    from .models.asset import Asset
    from .models.backup import Backup
    from .models.backup_streamed_progress import BackupStreamedProgress
    from .pagination import (
        AssetsPage,
        AsyncAssetsPage,
        AsyncBackupsPage,
        AsyncPager,
        BackupsPage,
    )

__all__ = [
    "AssetsCustom",
    "AsyncAssetsCustom",
    "AsyncBackupCustom",
    "AsyncBackupsCustom",
    "BackupCustom",
    "BackupsCustom",
]

EVENT_STREAM = "text/event-stream"


def _restore_request(backup: str, body: Backup | None) -> dict[str, Any]:
    from .api.backup import backup_restore_specific_backup_streamed as operation
    from .types import UNSET

    request: dict[str, Any] = operation._get_kwargs(
        backup, body=UNSET if body is None else body
    )
    return request


def _progress(
    document: dict[str, Any], response: httpx.Response
) -> BackupStreamedProgress:
    """One event's progress; a FAILED one raises, carrying the server's detail."""
    from ._exceptions import RestorationFailedError
    from .models.backup_status_enum import BackupStatusEnum
    from .models.backup_streamed_progress import BackupStreamedProgress

    progress = BackupStreamedProgress.from_dict(document)
    if progress.status == BackupStatusEnum.FAILED:
        detail = progress.detail if isinstance(progress.detail, str) else None
        raise RestorationFailedError(
            response=response, progress=progress, detail=detail
        )
    return progress


def _is_terminal(progress: BackupStreamedProgress) -> bool:
    from .models.backup_status_enum import BackupStatusEnum

    return progress.status in (BackupStatusEnum.COMPLETED, BackupStatusEnum.CANCELED)


class BackupCustom:
    """Hand-written methods of ``client.backup``."""

    _client: SyncAPIClient

    def restore_stream(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Stream[BackupStreamedProgress]:
        """Restore a backup and follow its progress as it happens.

        ```python
        with client.backup.restore_stream(backup_id) as events:
            for progress in events:
                print(progress.status, progress.percentage)
        ```

        The request is sent when the ``with`` block opens: an error answer raises there
        (``NotFoundError``, ``ConflictError``, ...). Events arrive while the restoration runs,
        percentages never decreasing; the last is ``COMPLETED`` (with the backup) or ``CANCELED``.
        A ``FAILED`` restoration raises ``RestorationFailedError`` with the server's detail.
        Leaving the block or breaking out of the loop closes the connection; the restoration goes
        on on the server (``restoration_status`` tells how it ends). The read timeout applies to
        the wait for each event, not to the whole restoration. Never retried.
        """
        from ._streaming import Stream

        client = self._client
        return Stream(
            lambda: client.stream(
                _restore_request(backup, body),
                media_type=EVENT_STREAM,
                timeout=timeout,
                extra_headers=extra_headers,
            ),
            _progress,
            _is_terminal,
        )


class AsyncBackupCustom:
    """Hand-written methods of ``client.backup`` (async)."""

    _client: AsyncAPIClient

    def restore_stream(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncStream[BackupStreamedProgress]:
        """The async twin of ``BackupApiClient.backup.restore_stream``.

        Leaving the ``async with`` block closes the connection (breaking out of the ``async for``
        alone closes it only when the event loop finalises the iterator).

        ```python
        async with client.backup.restore_stream(backup_id) as events:
            async for progress in events:
                print(progress.status, progress.percentage)
        ```
        """
        from ._streaming import AsyncStream

        client = self._client
        return AsyncStream(
            lambda: client.stream(
                _restore_request(backup, body),
                media_type=EVENT_STREAM,
                timeout=timeout,
                extra_headers=extra_headers,
            ),
            _progress,
            _is_terminal,
        )


# The paginated lists: `list()` answers the first page, which walks the rest (see `pagination`).
# The generated one-page methods are `list_page` (METHOD_NAMES in codegen's template_data.py).


class _ListSource:
    """How ``list()`` asks for a page and reads it (``pagination.SyncPageSource`` and
    ``AsyncPageSource``): the operation's request with the list's limit, a cursor and the first
    call's options, sent through the client's runtime like any call of the operation."""

    def __init__(
        self,
        client: SyncAPIClient | AsyncAPIClient,
        operation: Any,
        page_class: type[Any],
        limit: int | None,
        options: dict[str, Any],
    ) -> None:
        self._client, self._operation, self._page_class = client, operation, page_class
        self._limit, self._options = limit, options

    def _request(self, cursor: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        """The operation's request for the page at ``cursor``, and how the runtime sends it."""
        from .types import UNSET

        request: dict[str, Any] = self._operation._get_kwargs(
            limit=UNSET if self._limit is None else self._limit,
            cursor=UNSET if cursor is None else cursor,
        )
        sending = {
            "idempotent": self._operation.IDEMPOTENT,
            "idempotency_key": self._operation.IDEMPOTENCY_KEY,
            "long_running": self._operation.LONG_RUNNING,
            **self._options,
        }
        return request, sending

    def page(self, response: httpx.Response) -> Any:
        from .pagination import NEXT_CURSOR_HEADER, as_page

        body = self._operation._parse_response(client=self._client, response=response)
        next_cursor = response.headers.get(NEXT_CURSOR_HEADER)
        return as_page(self._page_class, body, next_cursor, self)


class _SyncListSource(_ListSource):
    _client: SyncAPIClient

    def send(self, cursor: str | None) -> httpx.Response:
        request, sending = self._request(cursor)
        return self._client.request(request, **sending)


class _AsyncListSource(_ListSource):
    _client: AsyncAPIClient

    async def send(
        self,
        cursor: str | None,
        trace: Callable[[str, Any], Awaitable[None]] | None = None,
    ) -> httpx.Response:
        request, sending = self._request(cursor)
        if trace is not None:
            request["extensions"] = {"trace": trace}
        return await self._client.request(request, **sending)


def _sync_list(
    client: SyncAPIClient,
    operation: Any,
    page_class: type[Any],
    limit: int | None,
    options: dict[str, Any],
) -> Any:
    source = _SyncListSource(client, operation, page_class, limit, options)
    return source.page(source.send(None))


def _async_list(
    client: AsyncAPIClient,
    operation: Any,
    page_class: type[Any],
    limit: int | None,
    options: dict[str, Any],
) -> Any:
    from .pagination import AsyncPager

    source = _AsyncListSource(client, operation, page_class, limit, options)

    async def first_page() -> Any:
        return source.page(await source.send(None))

    return AsyncPager(first_page)


class AssetsCustom:
    """Hand-written methods of ``client.assets``."""

    _client: SyncAPIClient

    def list(
        self,
        *,
        limit: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AssetsPage:
        """The local assets, in the order they were stored: the first page, which walks the rest.

        ```python
        for asset in client.assets.list():  # every asset; each page asked for while the one before is read
            print(asset.id)
        ```

        ``limit``: the most assets one request answers (1 to 1000; default: the server's, 100).
        The answer is an ``Assets`` holding the first page (``.iterable``) that is also iterable
        over every asset, with ``pages()``, ``next_page()`` and ``next_cursor`` for manual control
        (see ``backup_api_client.pagination``). ``list_page`` asks for one page by its cursor.
        ``timeout``, ``max_retries`` and ``extra_headers`` apply to every page's request. Raises
        as ``list_page`` does.
        """
        from .api.assets import assets_snapshot
        from .pagination import AssetsPage

        options = {
            "timeout": timeout,
            "max_retries": max_retries,
            "extra_headers": extra_headers,
        }
        page: AssetsPage = _sync_list(
            self._client, assets_snapshot, AssetsPage, limit, options
        )
        return page


class AsyncAssetsCustom:
    """Hand-written methods of ``client.assets`` (async)."""

    _client: AsyncAPIClient

    def list(
        self,
        *,
        limit: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncPager[AsyncAssetsPage, Asset]:
        """The async twin of ``BackupApiClient.assets.list``: ``await`` it for the first page, or
        iterate every asset with ``async for asset in client.assets.list():``."""
        from .api.assets import assets_snapshot
        from .pagination import AsyncAssetsPage

        options = {
            "timeout": timeout,
            "max_retries": max_retries,
            "extra_headers": extra_headers,
        }
        pager: AsyncPager[AsyncAssetsPage, Asset] = _async_list(
            self._client, assets_snapshot, AsyncAssetsPage, limit, options
        )
        return pager


class BackupsCustom:
    """Hand-written methods of ``client.backups``."""

    _client: SyncAPIClient

    def list(
        self,
        *,
        limit: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupsPage:
        """The completed backups, newest first: the first page, which walks the rest.

        ```python
        for backup in client.backups.list():  # every backup; each page asked for while the one before is read
            print(backup.id)
        ```

        ``limit``: the most backups one request answers (1 to 1000; default: the server's, 100).
        The answer is a ``Backups`` holding the first page (``.iterable``) that is also iterable
        over every backup, with ``pages()``, ``next_page()`` and ``next_cursor`` for manual control
        (see ``backup_api_client.pagination``). ``list_page`` asks for one page by its cursor.
        ``timeout``, ``max_retries`` and ``extra_headers`` apply to every page's request. Raises
        as ``list_page`` does.
        """
        from .api.backups import backups_list
        from .pagination import BackupsPage

        options = {
            "timeout": timeout,
            "max_retries": max_retries,
            "extra_headers": extra_headers,
        }
        page: BackupsPage = _sync_list(
            self._client, backups_list, BackupsPage, limit, options
        )
        return page


class AsyncBackupsCustom:
    """Hand-written methods of ``client.backups`` (async)."""

    _client: AsyncAPIClient

    def list(
        self,
        *,
        limit: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncPager[AsyncBackupsPage, Backup]:
        """The async twin of ``BackupApiClient.backups.list``: ``await`` it for the first page, or
        iterate every backup with ``async for backup in client.backups.list():``."""
        from .api.backups import backups_list
        from .pagination import AsyncBackupsPage

        options = {
            "timeout": timeout,
            "max_retries": max_retries,
            "extra_headers": extra_headers,
        }
        pager: AsyncPager[AsyncBackupsPage, Backup] = _async_list(
            self._client, backups_list, AsyncBackupsPage, limit, options
        )
        return pager
