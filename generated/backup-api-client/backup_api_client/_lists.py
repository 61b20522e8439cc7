# Hand-written in overrides/_lists.py; `codegen generate` ships it unchanged.
"""What a generated ``list()`` calls: the first page of a list, which walks the rest (``_pagination``).

Hand-written (overrides/_lists.py). The generated method passes the operation (its module), the page
class generated beside it, its other query parameters and the name of the spec's ``Next-Cursor``
header; every page's request goes through the client's runtime like any call of the operation.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ._pagination import AsyncPager, as_page
from ._types import NOT_GIVEN, UNSET, Headers, NotGiven, Timeout

if TYPE_CHECKING:
    import httpx

    from ._base_client import AsyncAPIClient, Operation, SyncAPIClient

__all__ = ["async_list", "sync_list"]

_Page = TypeVar("_Page")


class _ListSource:
    """How ``list()`` asks for a page and reads it (``SyncPageSource`` / ``AsyncPageSource``): the
    operation's request with the list's own arguments, a cursor and the first call's options,
    sent through the client's runtime like any call of the operation."""

    def __init__(
        self,
        client: SyncAPIClient | AsyncAPIClient,
        operation: Operation,
        page_class: type[Any],
        arguments: dict[str, Any],
        next_cursor_header: str,
        options: dict[str, Any],
    ) -> None:
        self._client, self._operation, self._page_class = client, operation, page_class
        self._arguments, self._options = arguments, options
        self._next_cursor_header = next_cursor_header

    def _request(self, cursor: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        """The operation's request for the page at ``cursor``, and how the runtime sends it."""
        arguments = {**self._arguments, "cursor": cursor}
        request: dict[str, Any] = self._operation._get_kwargs(
            **{
                name: UNSET if value is None else value
                for name, value in arguments.items()
            }
        )
        sending = {
            "idempotent": self._operation.IDEMPOTENT,
            "idempotency_key": self._operation.IDEMPOTENCY_KEY,
            "long_running": self._operation.LONG_RUNNING,
            **self._options,
        }
        return request, sending

    def next_cursor(self, response: httpx.Response) -> str | None:
        cursor: str | None = response.headers.get(self._next_cursor_header)
        return cursor

    def page(self, response: httpx.Response) -> Any:
        body = self._operation._parse_response(client=self._client, response=response)
        return as_page(self._page_class, body, self.next_cursor(response), self)


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


def _options(
    timeout: Timeout | NotGiven,
    max_retries: int | NotGiven,
    extra_headers: Headers | None,
) -> dict[str, Any]:
    return {
        "timeout": timeout,
        "max_retries": max_retries,
        "extra_headers": extra_headers,
    }


def sync_list(
    client: SyncAPIClient,
    operation: Operation,
    page_class: type[_Page],
    arguments: dict[str, Any],
    next_cursor_header: str,
    *,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> _Page:
    """The first page of a list (which walks the rest): what a generated sync ``list()`` answers.
    ``arguments`` are the operation's other query parameters (None: not sent); ``timeout``,
    ``max_retries`` and ``extra_headers`` apply to every page's request."""
    options = _options(timeout, max_retries, extra_headers)
    source = _SyncListSource(
        client, operation, page_class, arguments, next_cursor_header, options
    )
    page: _Page = source.page(source.send(None))
    return page


def async_list(
    client: AsyncAPIClient,
    operation: Operation,
    page_class: type[_Page],
    arguments: dict[str, Any],
    next_cursor_header: str,
    *,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> AsyncPager[_Page, Any]:
    """``sync_list`` for the async client: ``await`` the answer for the first page, or iterate it."""
    options = _options(timeout, max_retries, extra_headers)
    source = _AsyncListSource(
        client, operation, page_class, arguments, next_cursor_header, options
    )

    async def first_page() -> _Page:
        page: _Page = source.page(await source.send(None))
        return page

    return AsyncPager(first_page)
