"""Parsing answers into models: the garbage collector is paused while a page is built and always
given back; iterating pages keeps no earlier page alive."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from typing import Any

import anyio.to_thread
import httpx
import pytest

from backup_api_client import APIResponseValidationError, AsyncBackupApiClient, BackupApiClient
from backup_api_client._base_client import collector_paused, validates_response
from backup_api_client.models import Asset

from .conftest import Reply, ScriptedServer

pytestmark = pytest.mark.anyio


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    """The collector on for the test, and as it was afterwards whatever the test did."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()


def answer(body: bytes = b'{"iterable": []}') -> httpx.Response:
    return httpx.Response(200, content=body, request=httpx.Request("GET", "http://test/assets"))


def parser_seeing_collector(seen: list[bool], error: BaseException | None = None) -> Any:
    @validates_response
    def parse(*, client: Any, response: httpx.Response) -> Any:
        seen.append(gc.isenabled())
        if error is not None:
            raise error
        return response.json()

    return parse


@pytest.mark.usefixtures("collector_enabled")
def test_the_collector_is_off_while_an_answer_is_parsed_and_on_afterwards() -> None:
    seen: list[bool] = []
    assert parser_seeing_collector(seen)(client=None, response=answer()) == {"iterable": []}
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
@pytest.mark.parametrize(
    ("error", "raised"),
    [
        (KeyError("iterable"), APIResponseValidationError),  # an answer the models cannot read
        (RuntimeError("a bug"), RuntimeError),  # anything else propagates as it is
        (KeyboardInterrupt(), KeyboardInterrupt),
    ],
)
def test_the_collector_is_back_on_when_parsing_raises(
    error: BaseException, raised: type[BaseException]
) -> None:
    seen: list[bool] = []
    with pytest.raises(raised):
        parser_seeing_collector(seen, error)(client=None, response=answer())
    assert seen == [False]
    assert gc.isenabled()


def test_an_application_that_turned_the_collector_off_keeps_it_off() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        seen: list[bool] = []
        parser_seeing_collector(seen)(client=None, response=answer())
        with pytest.raises(APIResponseValidationError):
            parser_seeing_collector(seen, KeyError("id"))(client=None, response=answer())
        assert seen == [False, False]
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


LARGE_ANSWER = json.dumps([{"id": str(index), "tags": [index]} for index in range(20_000)]).encode()


@pytest.mark.usefixtures("collector_enabled")
def test_a_large_answer_s_objects_are_promoted_and_nothing_is_left_frozen() -> None:
    """40,000 new containers: enabling the collector does not start a collection that walks them."""
    parse = parser_seeing_collector([])
    seen: list[object] = []
    collections: list[int] = []
    response = answer(LARGE_ANSWER)

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(record)
    try:
        parsed = parse(client=None, response=response)
        seen.extend(object() for _ in range(100))  # allocations that would start a due collection
    finally:
        gc.callbacks.remove(record)
    assert collections == []
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert parsed[-1] == {"id": "19999", "tags": [19_999]}


@pytest.mark.usefixtures("collector_enabled")
def test_objects_the_application_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        parser_seeing_collector([])(client=None, response=answer(LARGE_ANSWER))
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()


@pytest.mark.usefixtures("collector_enabled")
def test_nested_and_overlapping_pauses_enable_the_collector_once_the_last_ends() -> None:
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second parse (another thread's, say) is still building
    second.__exit__(None, None, None)
    assert gc.isenabled()


async def test_listing_builds_each_page_with_the_collector_off(
    mode: str, server: ScriptedServer, monkeypatch: pytest.MonkeyPatch, collector_enabled: None
) -> None:
    seen: list[bool] = []
    from_dict = Asset.from_dict.__func__  # type: ignore[attr-defined]

    def recording(cls: type[Asset], document: Any) -> Asset:
        seen.append(gc.isenabled())
        result: Asset = from_dict(cls, document)
        return result

    monkeypatch.setattr(Asset, "from_dict", classmethod(recording))
    server.script(page(0, 2, "a2"), page(2, 2, None))
    assert len(await every_asset(mode, server.url, limit=2)) == 4
    assert seen == [False] * 4
    assert gc.isenabled()


def page(first: int, count: int, next_cursor: str | None) -> Reply:
    assets = [{"id": f"asset-{index}", "name": "x" * 100} for index in range(first, first + count)]
    body = {"iterable": assets}
    return Reply(200, body, headers={"Next-Cursor": next_cursor} if next_cursor else {})


async def every_asset(mode: str, url: str, **options: Any) -> list[Asset]:
    if mode == "sync":

        def run() -> list[Asset]:
            with BackupApiClient(url) as client:
                return list(client.assets.list(**options))

        return await anyio.to_thread.run_sync(run)
    async with AsyncBackupApiClient(url) as client:
        return [asset async for asset in client.assets.list(**options)]


async def test_moving_on_to_the_next_page_frees_the_one_before_without_the_collector(
    mode: str, server: ScriptedServer
) -> None:
    """Reference counting alone frees a page read (and its assets) once iteration leaves it: the
    iterator keeps no reference to it, and nothing makes a cycle that only the collector could free."""
    server.script(page(0, 2, "a2"), page(2, 2, "a4"), page(4, 2, None))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if mode == "sync":

            def run() -> list[tuple[bool, bool]]:
                with BackupApiClient(server.url) as client:
                    return alive_while_iterating(client.assets.list(limit=2))

            alive = await anyio.to_thread.run_sync(run)
        else:
            async with AsyncBackupApiClient(server.url) as client:
                first = await client.assets.list(limit=2)
                first_page, first_asset = weakref.ref(first), weakref.ref(first.iterable[0])
                items = aiter(first)
                del first
                alive = []
                async for asset in items:
                    alive.append((first_page() is not None, first_asset() is not None))
                    del asset
    finally:
        if was_enabled:
            gc.enable()
    # The page object goes once iteration starts (the iterator keeps only its list of assets);
    # its assets while they are read, and not a moment longer: from the second page on, none.
    assert alive == [(False, True)] * 2 + [(False, False)] * 4


def alive_while_iterating(first: Any) -> list[tuple[bool, bool]]:
    first_page, first_asset = weakref.ref(first), weakref.ref(first.iterable[0])
    items = iter(first)
    del first
    alive = []
    for asset in items:
        alive.append((first_page() is not None, first_asset() is not None))
        del asset
    return alive
