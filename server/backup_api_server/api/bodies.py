"""Request bodies: optional JSON, bounded in size, time, concurrency and values; checked against the spec."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from .. import contract
from ..problems import Problem
from ..settings import (
    BODY_IDLE_TIMEOUT_SECONDS,
    BODY_TOTAL_TIMEOUT_SECONDS,
    LARGE_BODY_BYTES,
    LARGE_BODY_WAIT_SECONDS,
    MAX_CONCURRENT_LARGE_BODIES,
    MAX_JSON_VALUES,
    SPOOLED_BODIES_MAX_BYTES,
)

__all__ = ["CLOSE_CONNECTION", "BodyReader"]

JSON_MEDIA_TYPES = ("application/json", "application/problem+json")
# A `\uD800`-`\uDFFF` escape in the raw body: only then can a decoded string hold a lone surrogate.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
SURROGATE = re.compile("[\ud800-\udfff]")
# On an answer given before the body was read whole: the rest of it is not read, the connection ends.
CLOSE_CONNECTION = {"Connection": "close"}


class BodyReader:
    """Reads an optional JSON request body: size-, time- and value-bounded, JSON-only, validated
    against the spec.

    Bodies above `LARGE_BODY_BYTES` (or of unknown length) are received into an unnamed file in
    `spool_directory` (all of them together at most `SPOOLED_BODIES_MAX_BYTES`), then parsed
    `MAX_CONCURRENT_LARGE_BODIES` at a time, so parallel uploads cannot add up in memory, and a
    client that drips its body holds a connection and a file, never the parse slot. A body may
    hold at most `MAX_JSON_VALUES` values (counted conservatively on the raw bytes before parsing),
    which bounds the parsed document's memory whatever its shape. Refusals that leave the body
    unread close the connection.
    """

    def __init__(self, max_bytes: int, spool_directory: Path | None = None) -> None:
        self.max_bytes = max_bytes
        self.spool_directory = spool_directory
        self._large_bodies = asyncio.Semaphore(MAX_CONCURRENT_LARGE_BODIES)
        self._spooled_bytes = 0

    @staticmethod
    def require_json(request: Request) -> None:
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type not in JSON_MEDIA_TYPES and not media_type.endswith("+json"):
            raise Problem(415, "The request body must be application/json.")

    async def read(self, request: Request, component: str) -> Any | None:
        """The parsed body (None without one)."""
        async with self.held(request, component) as document:
            return document

    @contextlib.asynccontextmanager
    async def held(self, request: Request, component: str) -> AsyncIterator[Any | None]:
        """The parsed body, as `read`; a large body's slot is held until the block ends, so the
        caller can hand the parsed documents on (the engine spools them to disk) before the next
        large body is parsed: parsed bodies never pile up in memory."""
        declared = request.headers.get("content-length")
        length = int(declared) if declared is not None and declared.isdigit() else None
        if length is not None and length > self.max_bytes:
            raise self._too_large()
        announced = bool(length) or "transfer-encoding" in request.headers
        if announced:  # refuse a wrong media type before reading up to max_bytes of it
            self.require_json(request)
        if announced and (length is None or length > LARGE_BODY_BYTES):
            with self._spool_file() as spooled:
                await self._receive(request, self._spool_writer(spooled))
                async with self._large_body_slot():
                    raw = await run_in_threadpool(_read_from_start, spooled)
                    yield await self._parse(request, raw, component)
        else:
            body = bytearray()
            await self._receive(request, body.extend)
            yield await self._parse(request, body, component)

    @contextlib.contextmanager
    def _spool_file(self) -> Iterator[BinaryIO]:
        """An unnamed file (gone when closed, also after a crash) in the spool directory; the
        bytes written to it count against `SPOOLED_BODIES_MAX_BYTES` until it is closed."""
        directory = self.spool_directory
        if directory is not None:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        spooled = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 (closed below)
        try:
            yield spooled
        finally:
            self._spooled_bytes -= spooled.tell()  # all it holds: it was written, then read, in order
            spooled.close()

    def _spool_writer(self, spooled: BinaryIO) -> Callable[[bytes], object]:
        def write(chunk: bytes) -> None:
            if self._spooled_bytes + len(chunk) > SPOOLED_BODIES_MAX_BYTES:
                raise Problem(
                    429,
                    f"{SPOOLED_BODIES_MAX_BYTES} bytes of large request bodies are being received; "
                    "retry later.",
                    headers={"Retry-After": "1", **CLOSE_CONNECTION},
                )
            spooled.write(chunk)
            self._spooled_bytes += len(chunk)

        return write

    @contextlib.asynccontextmanager
    async def _large_body_slot(self) -> AsyncIterator[None]:
        try:
            await asyncio.wait_for(self._large_bodies.acquire(), LARGE_BODY_WAIT_SECONDS)
        except TimeoutError:
            raise Problem(
                429,
                f"{MAX_CONCURRENT_LARGE_BODIES} large request body is being read already; retry later.",
                headers={"Retry-After": "1", **CLOSE_CONNECTION},
            ) from None
        try:
            yield
        finally:
            self._large_bodies.release()

    async def _parse(self, request: Request, raw: bytes | bytearray, component: str) -> Any | None:
        if not raw:  # no body; whitespace alone is a body, and not JSON
            return None
        self.require_json(request)
        return await run_in_threadpool(_parse_and_validate, raw, component)

    async def _receive(self, request: Request, sink: Callable[[bytes], object]) -> None:
        """Pass the body to `sink` as it arrives, within the size and time bounds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BODY_TOTAL_TIMEOUT_SECONDS
        chunks = request.stream().__aiter__()
        received = 0
        while True:
            wait = min(BODY_IDLE_TIMEOUT_SECONDS, deadline - loop.time())
            try:
                chunk = await asyncio.wait_for(anext(chunks), max(wait, 0.0))
            except StopAsyncIteration:
                return
            except TimeoutError:
                stalled = wait < BODY_IDLE_TIMEOUT_SECONDS
                raise Problem(
                    408,
                    f"The request body did not arrive within {BODY_TOTAL_TIMEOUT_SECONDS:.0f} seconds."
                    if stalled
                    else f"The request body stalled for {BODY_IDLE_TIMEOUT_SECONDS:.0f} seconds.",
                    headers=CLOSE_CONNECTION,
                ) from None
            received += len(chunk)
            if received > self.max_bytes:
                raise self._too_large()
            sink(chunk)

    def _too_large(self) -> Problem:
        return Problem(413, f"The request body exceeds {self.max_bytes} bytes.", headers=CLOSE_CONNECTION)


def _read_from_start(spooled: BinaryIO) -> bytes:
    spooled.seek(0)
    return spooled.read()


def _json_value_bound(raw: bytes | bytearray) -> int:
    """At least the number of values in the JSON text `raw` (every value after the first follows a
    `[`, `{`, `,` or `:`; keys are shared by the decoder): fast, and an overcount where strings hold
    those characters."""
    return raw.count(b"[") + raw.count(b"{") + raw.count(b",") + 1


def _parse_and_validate(raw: bytes | bytearray, component: str) -> Any:
    values = _json_value_bound(raw)
    if values > MAX_JSON_VALUES:
        raise Problem(
            413,
            f"The request body holds up to {values} JSON values (counting every '[', '{{' and ','), "
            f"more than the {MAX_JSON_VALUES} the server parses in one request.",
        )
    try:
        document = json.loads(
            raw, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_integer
        )
    except NotInteroperable as error:
        raise Problem(422, f"body: {error} (RFC 7493)") from None
    except (ValueError, RecursionError) as error:
        raise Problem(400, f"The request body is not well-formed JSON: {error}") from None
    if SURROGATE_ESCAPE.search(raw):
        location = _lone_surrogate(document)
        if location is not None:
            raise Problem(422, f"{location}: a string holds an unpaired surrogate, not Unicode text")
    errors = contract.schema_errors(component, document)
    if errors:
        raise Problem(422, "; ".join(errors))
    return document


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class NotInteroperable(ValueError):
    """Well-formed JSON that no interoperable (I-JSON, RFC 7493) reader can take as sent."""


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise NotInteroperable(f"the number {text[:40]} is beyond the range of a double")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # longer than the interpreter's integer string limit
        raise NotInteroperable(f"an integer of {len(text)} digits is beyond any precision kept") from None


def _lone_surrogate(document: Any) -> str | None:
    """Where `document` holds a string with an unpaired surrogate (not Unicode text), if anywhere."""
    pending: list[tuple[str, Any]] = [("body", document)]
    while pending:
        location, value = pending.pop()
        if isinstance(value, str) and SURROGATE.search(value):
            return location
        if isinstance(value, dict):
            for key, item in value.items():
                if SURROGATE.search(key):
                    return f"{location} (a key)"
                pending.append((f"{location}[{key!r}]", item))
        elif isinstance(value, list):
            pending.extend((f"{location}[{index}]", item) for index, item in enumerate(value))
    return None
