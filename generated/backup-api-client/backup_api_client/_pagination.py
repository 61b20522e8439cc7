# Hand-written in overrides/_pagination.py; `codegen generate` ships it unchanged.
"""Pages of the paginated lists, iterated lazily across the whole list (sync and async).

Hand-written (overrides/_pagination.py), the same for every list: codegen makes an operation a list
when the spec gives it a ``cursor`` query parameter, a ``Next-Cursor`` answer header and a body
whose one array holds the items (``GET /assets``, ``GET /backups``). Each answers one page at a
time: at most ``limit`` items, and the next page's cursor in that header (absent on the last page).
The generated ``client.<tag>.list()`` answers the first page, which **is** the page body (an
``Assets`` / ``Backups``: ``.iterable`` holds this page's items, a ``SyncCursorPage`` besides) and
also walks the rest of the list:

```python
for asset in client.assets.list(limit=500):  # every asset, 500 per request, one request ahead
    ...
page = client.backups.list()
while page is not None:  # or: for page in client.backups.list().pages()
    print(len(page.iterable), page.next_cursor)
    page = page.next_page()

async for asset in async_client.assets.list():  # the async client: no await before iterating
    ...
first = await async_client.assets.list()  # the first page, as before
```

While the items of one page are read, the request for the next one is already out (one
request ahead), so the server prepares a page while the client reads the one before: iterating a
long list takes about the longer of the two, not their sum. At most one page is held besides the
one being read, and a loop that stops early may have asked for one page it does not read.
``next_page()`` sends one request and waits for it, nothing ahead.

The sync client sends the request ahead on a daemon thread of its own, in a copy of the caller's
``contextvars`` context (so the client's event hooks and transport see that thread). The async
client, on asyncio, sends it from a task and parses the current page once that request is on the
wire, which it learns from httpcore's ``trace`` request extension; with a transport that reports
no trace (a mock, ``ASGITransport``) it parses once the next page has arrived, and under another
event loop (trio) each page is requested when it is needed.

Later pages are requested with the options of the first call (``timeout``, ``max_retries``,
``extra_headers``); their errors raise where iteration reaches them. Items added or deleted
meanwhile never make a page repeat or skip an item that was there all along.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import threading
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Generator,
    Iterator,
)
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    import httpx


__all__ = ["AsyncCursorPage", "AsyncPager", "SyncCursorPage", "as_page"]

_Item = TypeVar("_Item")
_Page = TypeVar("_Page")
_PageT_co = TypeVar("_PageT_co", covariant=True)
_SyncPage = TypeVar("_SyncPage", bound="SyncCursorPage[Any]")
_AsyncPage = TypeVar("_AsyncPage", bound="AsyncCursorPage[Any]")


class SyncPageSource(Protocol[_PageT_co]):
    """How a list's later pages are asked for and read (the list's client, operation and options)."""

    def send(self, cursor: str) -> httpx.Response:
        """Send the request for the page at ``cursor``; its answer, body read (an error raises)."""
        ...

    def page(self, response: httpx.Response) -> _PageT_co:
        """The page an answer of ``send`` holds."""
        ...

    def next_cursor(self, response: httpx.Response) -> str | None:
        """The next page's cursor an answer of ``send`` names (None on the last page)."""
        ...


class AsyncPageSource(Protocol[_PageT_co]):
    """The async client's ``SyncPageSource``."""

    def send(
        self, cursor: str, trace: Callable[[str, Any], Awaitable[None]] | None = None
    ) -> Coroutine[Any, Any, httpx.Response]:
        """Send the request for the page at ``cursor``; its answer, body read (an error raises).
        ``trace`` is given to httpx as the request's "trace" extension."""
        ...

    def page(self, response: httpx.Response) -> _PageT_co:
        """The page an answer of ``send`` holds."""
        ...

    def next_cursor(self, response: httpx.Response) -> str | None:
        """The next page's cursor an answer of ``send`` names (None on the last page)."""
        ...


def as_page(
    page_class: type[_Page], body: object, next_cursor: str | None, source: Any
) -> _Page:
    """``body`` (an ``Assets`` / ``Backups``) as a ``page_class`` that knows how to fetch the next
    page, without parsing the answer again: the body's fields are shared, not copied."""
    import attrs  # here: the client is imported without attrs, a page is read with it

    page = page_class.__new__(page_class)
    for field in attrs.fields(type(body)):  # type: ignore[arg-type]  # an attrs model
        object.__setattr__(page, field.name, getattr(body, field.name))
    page._next_cursor = next_cursor  # type: ignore[attr-defined]
    page._source = source  # type: ignore[attr-defined]
    return page


class _PagesAhead(Generic[_Page]):
    """The pages from a cursor on, each requested while the page before it is read: the first at
    once, each next one as soon as its cursor is known (before the page that names it is parsed),
    so at most one request is in flight (see ``_request_ahead``)."""

    def __init__(
        self, cursor: str | None, source: SyncPageSource[_Page] | None
    ) -> None:
        self._source = source
        self._pending: concurrent.futures.Future[httpx.Response] | None = None
        if cursor is not None and source is not None:
            self._pending = _request_ahead(source, cursor)

    def __iter__(self) -> Iterator[_Page]:
        return self

    def __next__(self) -> _Page:
        pending, self._pending = self._pending, None
        if pending is None or self._source is None:
            raise StopIteration
        response = pending.result()
        cursor = self._source.next_cursor(response)
        if cursor is not None:
            self._pending = _request_ahead(self._source, cursor)
        return self._source.page(response)

    def close(self) -> None:
        """Ask for nothing more: a request not yet sent is not sent; one already out finishes on
        its thread, its answer unread."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.cancel()


def _request_ahead(
    source: SyncPageSource[Any], cursor: str
) -> concurrent.futures.Future[httpx.Response]:
    """The request for the page at ``cursor``, sent on a thread of its own: a daemon thread, so an
    interpreter that exits (or a Ctrl-C) does not wait for a page nobody will read, running in a
    copy of the caller's context (``contextvars``: tracing spans, request ids), as the request for
    the first page did. The client's event hooks and transport see that thread."""
    future: concurrent.futures.Future[httpx.Response] = concurrent.futures.Future()
    context = contextvars.copy_context()

    def send() -> None:
        if not future.set_running_or_notify_cancel():
            return  # cancelled before it was sent
        try:
            response = context.run(source.send, cursor)
        except BaseException as error:
            future.set_exception(error)
        else:
            future.set_result(response)

    threading.Thread(target=send, name="backup-api-client-page", daemon=True).start()
    return future


class _AsyncPagesAhead(Generic[_Page]):
    """``_PagesAhead`` for the async client. On asyncio the request ahead is a task of its own,
    and the page before it is parsed only once that request is out (it cannot go out while the
    event loop parses). Under another event loop (trio) each request is sent when its page is
    needed."""

    def __init__(self, source: AsyncPageSource[_Page] | None) -> None:
        self._source = source
        self._pending: Awaitable[httpx.Response] | None = None

    async def start(self, cursor: str | None) -> None:
        """Ask for the page at ``cursor`` (nothing when it is None)."""
        if cursor is not None and self._source is not None:
            self._pending = await self._sent(self._source, cursor)

    async def next(self) -> _Page | None:
        """The next page, None after the last."""
        pending, self._pending = self._pending, None
        if pending is None or self._source is None:
            return None
        response = await pending
        await self.start(self._source.next_cursor(response))
        return self._source.page(response)

    def close(self) -> None:
        """Ask for nothing more; a request still out is cancelled."""
        pending, self._pending = self._pending, None
        if isinstance(pending, asyncio.Future):
            pending.cancel()
        elif isinstance(pending, Coroutine):
            pending.close()  # never started

    @staticmethod
    async def _sent(
        source: AsyncPageSource[Any], cursor: str
    ) -> Awaitable[httpx.Response]:
        """The request for the page at ``cursor``, running as an asyncio task once it has been
        sent (or has ended); under another event loop, the request not yet started."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return source.send(cursor)
        sent = asyncio.Event()

        async def trace(event: str, info: object) -> None:
            # httpcore's "trace" request extension: the request is on the wire, or failed.
            if event.endswith(
                ("send_request_body.complete", "send_request_body.failed")
            ):
                sent.set()

        def ended(task: asyncio.Future[httpx.Response]) -> None:
            sent.set()
            # A loop that stops early never awaits the task: its error must not be reported as
            # never retrieved.
            if not task.cancelled():
                task.exception()

        task = asyncio.ensure_future(source.send(cursor, trace))
        task.add_done_callback(ended)
        try:
            await sent.wait()
        except BaseException:
            # The caller was cancelled meanwhile: nobody will read the page.
            task.cancel()
            raise
        return task


class SyncCursorPage(Generic[_Item]):
    """What a sync page adds to its body model (a page made by ``from_dict`` is the last): the
    generated ``class AssetsPage(Assets, SyncCursorPage[Asset])`` names the body's items field."""

    _next_cursor: str | None = None
    _source: SyncPageSource[Any] | None = None
    _items_field: ClassVar[str]
    """The body's field that holds the page's items (the array of the spec's page body)."""

    @property
    def items(self) -> list[_Item]:
        """This page's items (the body's array: ``.iterable`` for ``Assets``)."""
        items: list[_Item] = getattr(self, self._items_field)
        return items

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page; None on the last page."""
        return self._next_cursor

    def has_next_page(self) -> bool:
        """Whether the server said another page follows this one (a `Next-Cursor`)."""
        return self._next_cursor is not None

    def next_page(self: _SyncPage) -> _SyncPage | None:
        """The next page (one request, nothing asked for ahead), or None after the last page."""
        if self._next_cursor is None or self._source is None:
            return None
        page: _SyncPage = self._source.page(self._source.send(self._next_cursor))
        return page

    def pages(self: _SyncPage) -> Iterator[_SyncPage]:
        """This page and every later one, each requested while the one before it is read."""
        ahead: _PagesAhead[_SyncPage] = _PagesAhead(self._next_cursor, self._source)
        try:
            yield self
            del self
            yield from ahead
        finally:
            ahead.close()

    def __iter__(self) -> Iterator[_Item]:
        """Every item of the list from this page on, across pages: besides the page being read,
        only the next page's request (and then its answer) is held, not the pages before."""
        items = self.items
        ahead: _PagesAhead[Any] = _PagesAhead(self._next_cursor, self._source)
        del self
        try:
            yield from items
            for page in ahead:
                items = page.items
                del page
                yield from items
                items = []  # let the page read go before the next one is parsed
        finally:
            ahead.close()


class AsyncCursorPage(Generic[_Item]):
    """``SyncCursorPage`` for the async client (``async for item in page``)."""

    _next_cursor: str | None = None
    _source: AsyncPageSource[Any] | None = None
    _items_field: ClassVar[str]

    @property
    def items(self) -> list[_Item]:
        """This page's items (the body's array: ``.iterable`` for ``Assets``)."""
        items: list[_Item] = getattr(self, self._items_field)
        return items

    @property
    def next_cursor(self) -> str | None:
        """The cursor of the next page; None on the last page."""
        return self._next_cursor

    def has_next_page(self) -> bool:
        """Whether the server said another page follows this one (a `Next-Cursor`)."""
        return self._next_cursor is not None

    async def next_page(self: _AsyncPage) -> _AsyncPage | None:
        """The next page (one request, nothing asked for ahead), or None after the last page."""
        if self._next_cursor is None or self._source is None:
            return None
        page: _AsyncPage = self._source.page(await self._source.send(self._next_cursor))
        return page

    async def pages(self: _AsyncPage) -> AsyncIterator[_AsyncPage]:
        """This page and every later one, each requested while the one before it is read."""
        ahead: _AsyncPagesAhead[_AsyncPage] = _AsyncPagesAhead(self._source)
        try:
            await ahead.start(self._next_cursor)
            yield self
            del self
            while (page := await ahead.next()) is not None:
                yield page
                del page
        finally:
            ahead.close()

    async def __aiter__(self) -> AsyncIterator[_Item]:
        """Every item of the list from this page on, across pages: besides the page being read,
        only the next page's request (and then its answer) is held, not the pages before."""
        items, cursor = self.items, self._next_cursor
        ahead: _AsyncPagesAhead[Any] = _AsyncPagesAhead(self._source)
        del self
        try:
            await ahead.start(cursor)
            while True:
                for item in items:
                    yield item
                items = []  # let the page read go before the next one is parsed
                page = await ahead.next()
                if page is None:
                    return
                items = page.items
                del page
        finally:
            ahead.close()


class AsyncPager(Generic[_Page, _Item]):
    """What the async client's ``list()`` answers: ``await`` it for the first page, or
    ``async for`` over it for every item of the list (each page asked for while the one before is read)."""

    def __init__(self, first_page: Callable[[], Awaitable[_Page]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, _Page]:
        return self._first_page().__await__()

    async def pages(self) -> AsyncIterator[_Page]:
        """Every page, from the first."""
        page: Any = await self._first_page()
        async with contextlib.aclosing(page.pages()) as pages:
            del page  # the walk holds it only until it is read
            async for each in pages:
                yield each

    def __aiter__(self) -> AsyncIterator[_Item]:
        return self._items()

    async def _items(self) -> AsyncIterator[_Item]:
        page: Any = await self._first_page()
        async with contextlib.aclosing(aiter(page)) as items:
            del page
            async for item in items:
                yield item
