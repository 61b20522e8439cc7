# Hand-written in overrides/pagination.py; `codegen generate` ships it unchanged.
"""Pages of the paginated lists, iterated lazily across the whole list (sync and async).

Hand-written (overrides/pagination.py). ``GET /assets`` and ``GET /backups`` answer one page at a
time: at most ``limit`` items, and the next page's cursor in the ``Next-Cursor`` header (absent on
the last page). ``client.assets.list()`` and ``client.backups.list()`` answer the first page, which
**is** the page body of old (an ``Assets`` / ``Backups``: ``.iterable`` holds this page's items) and
also walks the rest of the list:

```python
for asset in client.assets.list(limit=500):  # every asset, 500 per request, fetched as needed
    ...
page = client.backups.list()
while page is not None:  # or: for page in client.backups.list().pages()
    print(len(page.iterable), page.next_cursor)
    page = page.next_page()

async for asset in async_client.assets.list():  # the async client: no await before iterating
    ...
first = await async_client.assets.list()  # the first page, as before
```

Only one page is held at a time, so iterating a large list takes as much memory as one page. A
request for a later page is sent when iteration reaches it, with the options of the first call
(``timeout``, ``max_retries``, ``extra_headers``); its errors raise there. Items added or deleted
meanwhile never make a page repeat or skip an item that was there all along.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar

import attrs

from .models.asset import Asset
from .models.assets import Assets
from .models.backup import Backup
from .models.backups import Backups

__all__ = [
    "NEXT_CURSOR_HEADER",
    "AssetsPage",
    "AsyncAssetsPage",
    "AsyncBackupsPage",
    "AsyncPager",
    "BackupsPage",
]

NEXT_CURSOR_HEADER = "Next-Cursor"
"""The answer header that holds the next page's cursor."""

_Item = TypeVar("_Item")
_Page = TypeVar("_Page")
_SyncPage = TypeVar("_SyncPage", bound="_SyncPaging[Any]")
_AsyncPage = TypeVar("_AsyncPage", bound="_AsyncPaging[Any]")


def as_page(
    page_class: type[_Page], body: object, next_cursor: str | None, fetch: Any
) -> _Page:
    """``body`` (an ``Assets`` / ``Backups``) as a ``page_class`` that knows how to fetch the next
    page, without parsing the answer again: the body's fields are shared, not copied."""
    page = page_class.__new__(page_class)
    for field in attrs.fields(type(body)):  # type: ignore[arg-type]  # an attrs model
        object.__setattr__(page, field.name, getattr(body, field.name))
    page._next_cursor = next_cursor  # type: ignore[attr-defined]
    page._fetch = fetch  # type: ignore[attr-defined]
    return page


class _SyncPaging(Generic[_Item]):
    """What a sync page adds to its body model (a page made by ``from_dict`` is the last)."""

    _next_cursor: str | None = None
    _fetch: Callable[[str], Any] | None = None
    iterable: list[_Item]

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page; None on the last page."""
        return self._next_cursor

    def has_next_page(self) -> bool:
        """Whether the server said another page follows this one (a `Next-Cursor`)."""
        return self._next_cursor is not None

    def next_page(self: _SyncPage) -> _SyncPage | None:
        """The next page (one request), or None after the last page."""
        if self._next_cursor is None or self._fetch is None:
            return None
        page: _SyncPage = self._fetch(self._next_cursor)
        return page

    def pages(self: _SyncPage) -> Iterator[_SyncPage]:
        """This page and every later one, each fetched when the iteration reaches it."""
        page: _SyncPage | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[_Item]:
        """Every item of the list from this page on, across pages: only the page being read is
        held (not the first, nor the one before while the next is fetched)."""
        items, cursor, fetch = self.iterable, self._next_cursor, self._fetch
        del self
        while True:
            yield from items
            if cursor is None or fetch is None:
                return
            items = []  # let the page read go before the next one is fetched
            page = fetch(cursor)
            items, cursor, fetch = page.iterable, page._next_cursor, page._fetch
            del page


class _AsyncPaging(Generic[_Item]):
    """What an async page adds to its body model (a page made by ``from_dict`` is the last)."""

    _next_cursor: str | None = None
    _fetch: Callable[[str], Awaitable[Any]] | None = None
    iterable: list[_Item]

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page; None on the last page."""
        return self._next_cursor

    def has_next_page(self) -> bool:
        """Whether the server said another page follows this one (a `Next-Cursor`)."""
        return self._next_cursor is not None

    async def next_page(self: _AsyncPage) -> _AsyncPage | None:
        """The next page (one request), or None after the last page."""
        if self._next_cursor is None or self._fetch is None:
            return None
        page: _AsyncPage = await self._fetch(self._next_cursor)
        return page

    async def pages(self: _AsyncPage) -> AsyncIterator[_AsyncPage]:
        """This page and every later one, each fetched when the iteration reaches it."""
        page: _AsyncPage | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[_Item]:
        """Every item of the list from this page on, across pages: only the page being read is
        held (not the first, nor the one before while the next is fetched)."""
        items, cursor, fetch = self.iterable, self._next_cursor, self._fetch
        del self
        while True:
            for item in items:
                yield item
            if cursor is None or fetch is None:
                return
            items = []  # let the page read go before the next one is fetched
            page = await fetch(cursor)
            items, cursor, fetch = page.iterable, page._next_cursor, page._fetch
            del page


class AssetsPage(Assets, _SyncPaging[Asset]):
    """A page of ``GET /assets``: an ``Assets`` (``.iterable``: this page's assets) that also walks
    the rest of the list (``for asset in page``, ``pages()``, ``next_page()``)."""


class BackupsPage(Backups, _SyncPaging[Backup]):
    """A page of ``GET /backups``: a ``Backups`` (``.iterable``: this page's backups, newest first)
    that also walks the rest of the list (``for backup in page``, ``pages()``, ``next_page()``)."""


class AsyncAssetsPage(Assets, _AsyncPaging[Asset]):
    """A page of ``GET /assets`` for the async client (``async for asset in page``)."""


class AsyncBackupsPage(Backups, _AsyncPaging[Backup]):
    """A page of ``GET /backups`` for the async client (``async for backup in page``)."""


class AsyncPager(Generic[_Page, _Item]):
    """What the async client's ``list()`` answers: ``await`` it for the first page, or
    ``async for`` over it for every item of the list (pages fetched as needed)."""

    def __init__(self, first_page: Callable[[], Awaitable[_Page]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, _Page]:
        return self._first_page().__await__()

    async def pages(self) -> AsyncIterator[_Page]:
        """Every page, from the first."""
        page: Any = await self._first_page()
        async for each in page.pages():
            yield each

    def __aiter__(self) -> AsyncIterator[_Item]:
        return self._items()

    async def _items(self) -> AsyncIterator[_Item]:
        page: Any = await self._first_page()
        iterator = aiter(page)
        del page
        async for item in iterator:
            yield item
