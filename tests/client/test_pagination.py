"""`client.assets.list()` / `client.backups.list()`: the first page (an `Assets` / `Backups`, as
before) that iterates every item across pages lazily, sync and async alike."""

from __future__ import annotations

import gc
import itertools
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path
from typing import Any

import anyio.from_thread
import anyio.to_thread
import pytest

from backup_api_client import AsyncBackupApiClient, BackupApiClient, NotFoundError
from backup_api_client.models import Assets, Backups
from backup_api_client.pagination import AssetsPage, AsyncPager, BackupsPage
from tests.support.assets import asset_documents, seed_database
from tests.support.live_server import running_server

from .conftest import BACKUP, Reply, ScriptedServer, problem

pytestmark = pytest.mark.anyio


def assets_page(first: int, count: int, next_cursor: str | None) -> Reply:
    body = {"iterable": [{"id": f"asset-{index}"} for index in range(first, first + count)]}
    return Reply(200, body, headers={"Next-Cursor": next_cursor} if next_cursor else {})


async def every_id(mode: str, url: str, resource: str, **options: Any) -> list[str]:
    if mode == "sync":

        def run() -> list[str]:
            with BackupApiClient(url) as client:
                return [item.id for item in getattr(client, resource).list(**options)]

        return await anyio.to_thread.run_sync(run)
    async with AsyncBackupApiClient(url) as client:
        return [item.id async for item in getattr(client, resource).list(**options)]


async def test_iterating_the_list_follows_next_cursor_to_the_last_page(
    mode: str, server: ScriptedServer
) -> None:
    server.script(assets_page(0, 3, "a3"), assets_page(3, 3, "a6"), assets_page(6, 1, None))
    assert await every_id(mode, server.url, "assets", limit=3) == [f"asset-{index}" for index in range(7)]
    assert [request.path for request in server.requests] == [
        "/assets?limit=3",
        "/assets?limit=3&cursor=a3",
        "/assets?limit=3&cursor=a6",
    ]


async def test_the_backups_list_pages_too(mode: str, server: ScriptedServer) -> None:
    second = {**BACKUP, "id": "1.0.0_1"}
    server.script(
        Reply(200, {"iterable": [BACKUP]}, headers={"Next-Cursor": f"b{BACKUP['id']}"}),
        Reply(200, {"iterable": [second]}),
    )
    assert await every_id(mode, server.url, "backups") == [BACKUP["id"], "1.0.0_1"]
    assert server.requests[1].path == f"/backups?cursor=b{BACKUP['id']}"


async def test_a_later_page_s_error_raises_where_iteration_reaches_it(
    mode: str, server: ScriptedServer
) -> None:
    server.script(assets_page(0, 2, "a2"), then=problem(404, "gone"))
    with pytest.raises(NotFoundError):
        await every_id(mode, server.url, "assets", max_retries=0)


async def wait_for_requests(server: ScriptedServer, count: int) -> None:
    """Until the server has seen `count` requests (within 5 s), then a moment for any extra one."""
    with anyio.fail_after(5):
        while len(server.requests) < count:
            await anyio.sleep(0.01)
    await anyio.sleep(0.3)


async def test_the_next_page_is_asked_for_while_one_is_read_and_no_further(
    mode: str, server: ScriptedServer
) -> None:
    """Planted bug it catches: pages requested only when iteration reaches them (no overlap of the
    server's work with the client's), or more than one request ahead."""
    server.script(assets_page(0, 3, "a3"), assets_page(3, 3, "a6"), assets_page(6, 3, None))
    seen: list[tuple[str, int]] = []  # (item read, requests the server had seen by then)

    def note(item_id: str) -> None:
        seen.append((item_id, len(server.requests)))

    if mode == "sync":

        def run() -> None:
            with BackupApiClient(server.url) as client:
                items = iter(client.assets.list(limit=3))
                note(next(items).id)
                anyio.from_thread.run(wait_for_requests, server, 2)
                note(next(items).id)
                for item in items:
                    note(item.id)

        await anyio.to_thread.run_sync(run)
    else:
        async with AsyncBackupApiClient(server.url) as client:
            items = aiter(client.assets.list(limit=3))
            note((await anext(items)).id)
            await wait_for_requests(server, 2)
            note((await anext(items)).id)
            async for item in items:
                note(item.id)

    # While the first page is read the second is asked for (wait_for_requests fails otherwise),
    # not the third.
    assert seen[1] == ("asset-1", 2)
    assert [item for item, _ in seen] == [f"asset-{index}" for index in range(9)]
    assert [request.path for request in server.requests] == [
        "/assets?limit=3",
        "/assets?limit=3&cursor=a3",
        "/assets?limit=3&cursor=a6",
    ]


async def test_a_loop_that_stops_early_asks_for_one_page_more_at_most(
    mode: str, server: ScriptedServer
) -> None:
    server.script(assets_page(0, 2, "a2"), assets_page(2, 2, "a4"), assets_page(4, 2, None))
    if mode == "sync":

        def run() -> str:
            with BackupApiClient(server.url) as client:
                for asset in client.assets.list(limit=2):
                    return asset.id
            raise AssertionError("no asset")

        first = await anyio.to_thread.run_sync(run)
    else:
        async with AsyncBackupApiClient(server.url) as client:
            items = aiter(client.assets.list(limit=2))
            first = (await anext(items)).id
            await items.aclose()  # type: ignore[attr-defined]
    await anyio.sleep(0.5)  # time for a request still out to arrive (one not yet sent is dropped)
    assert first == "asset-0"
    asked = [request.path for request in server.requests]
    assert asked in (["/assets?limit=2"], ["/assets?limit=2", "/assets?limit=2&cursor=a2"])


async def test_a_page_asked_for_ahead_raises_only_where_iteration_reaches_it(
    mode: str, server: ScriptedServer
) -> None:
    server.script(assets_page(0, 2, "a2"), then=problem(404, "gone"))
    read: list[str] = []
    with pytest.raises(NotFoundError):
        if mode == "sync":

            def run() -> None:
                with BackupApiClient(server.url, max_retries=0) as client:
                    for asset in client.assets.list(limit=2):
                        read.append(asset.id)

            await anyio.to_thread.run_sync(run)
        else:
            async with AsyncBackupApiClient(server.url, max_retries=0) as client:
                async for asset in client.assets.list(limit=2):
                    read.append(asset.id)
    assert read == ["asset-0", "asset-1"]


def test_a_page_asked_for_ahead_neither_delays_exit_nor_loses_the_callers_context(
    server: ScriptedServer,
) -> None:
    """Planted bugs it catches: the request ahead on a thread the interpreter waits for at exit (a
    script that stopped early hung until that page came), or run without the caller's contextvars."""
    server.script(assets_page(0, 1, "a1"), Reply(200, {"iterable": []}, delay=30.0))
    script = textwrap.dedent(
        f"""
        import contextvars, httpx
        from backup_api_client import BackupApiClient
        trace = contextvars.ContextVar("trace")
        seen = []
        http = httpx.Client(
            timeout=60, event_hooks={{"request": [lambda request: seen.append(trace.get(None))]}}
        )
        client = BackupApiClient({server.url!r}, http_client=http)
        trace.set("span-1")
        for asset in client.assets.list(limit=1):
            break
        import time
        deadline = time.monotonic() + 5
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        print(asset.id, seen)
        """
    )
    started = time.monotonic()
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    took = time.monotonic() - started
    assert completed.returncode == 0, completed.stderr
    assert took < 10, f"the interpreter waited {took:.1f} s for a page nobody reads"
    assert completed.stdout.split(maxsplit=1) == ["asset-0", "['span-1', 'span-1']\n"]


def test_the_first_page_is_the_old_answer_and_pages_are_manual_too(server: ScriptedServer) -> None:
    two_pages = (assets_page(0, 2, "a2"), assets_page(2, 2, None))
    server.script(*two_pages, *two_pages)
    with BackupApiClient(server.url) as client:
        first = client.assets.list(limit=2)
        assert isinstance(first, Assets) and isinstance(first, AssetsPage)
        assert [asset.id for asset in first.iterable] == ["asset-0", "asset-1"]  # this page only
        assert first.to_dict() == {"iterable": [{"id": "asset-0"}, {"id": "asset-1"}]}
        assert first.next_cursor == "a2" and first.has_next_page()
        second = first.next_page()
        assert second is not None and not second.has_next_page() and second.next_page() is None
        assert [len(page.iterable) for page in client.assets.list(limit=2).pages()] == [2, 2]
    assert AssetsPage.from_dict({"iterable": []}).next_page() is None


async def test_awaiting_the_async_list_answers_the_first_page(server: ScriptedServer) -> None:
    server.script(
        Reply(200, {"iterable": [BACKUP]}, headers={"Next-Cursor": "bx"}), Reply(200, {"iterable": []})
    )
    async with AsyncBackupApiClient(server.url) as client:
        pager = client.backups.list()
        assert isinstance(pager, AsyncPager)
        first = await pager
        assert isinstance(first, Backups) and not isinstance(first, BackupsPage)
        assert [backup.id for backup in first.iterable] == [BACKUP["id"]] and first.next_cursor == "bx"
        last = await first.next_page()
        assert last is not None and last.iterable == [] and await last.next_page() is None


def peak_bytes(action: Any) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_iterating_many_assets_takes_the_memory_of_a_few_pages(tmp_path: Path) -> None:
    count, size = 20_000, 1_000
    seed_database(tmp_path / "data", asset_documents(count, content_bytes=size))
    with running_server(tmp_path / "data") as live, BackupApiClient(live.url, timeout=60) as client:

        def read(items: int) -> None:
            assert sum(1 for _ in itertools.islice(client.assets.list(limit=200), items)) == items

        ten_pages = peak_bytes(lambda: read(count // 10))
        hundred_pages = peak_bytes(lambda: read(count))
    # Ten times as many pages (20 MB of JSON in all) take about the memory of ten: it stays flat.
    measured = f"10 pages: {ten_pages / 1e6:.1f} MB, 100: {hundred_pages / 1e6:.1f} MB"
    assert hundred_pages < 1.3 * ten_pages, measured
