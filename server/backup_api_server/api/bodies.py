"""Request bodies: optional JSON, bounded in size, time, concurrency and values; checked against the spec."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
from collections.abc import AsyncIterator
from typing import Any

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

    Bodies above `LARGE_BODY_BYTES` (or of unknown length) are read and parsed
    `MAX_CONCURRENT_LARGE_BODIES` at a time, so parallel uploads cannot add up in memory; a body may
    hold at most `MAX_JSON_VALUES` values (counted conservatively on the raw bytes before parsing),
    which bounds the parsed document's memory whatever its shape. Refusals that leave the body
    unread close the connection.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._large_bodies = asyncio.Semaphore(MAX_CONCURRENT_LARGE_BODIES)

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
            async with self._large_body_slot():
                yield await self._read_and_parse(request, component)
        else:
            yield await self._read_and_parse(request, component)

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

    async def _read_and_parse(self, request: Request, component: str) -> Any | None:
        raw = await self._receive(request)
        if not raw:  # no body; whitespace alone is a body, and not JSON
            return None
        self.require_json(request)
        return await run_in_threadpool(_parse_and_validate, raw, component)

    async def _receive(self, request: Request) -> bytearray:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BODY_TOTAL_TIMEOUT_SECONDS
        chunks = request.stream().__aiter__()
        body = bytearray()
        while True:
            wait = min(BODY_IDLE_TIMEOUT_SECONDS, deadline - loop.time())
            try:
                chunk = await asyncio.wait_for(anext(chunks), max(wait, 0.0))
            except StopAsyncIteration:
                return body
            except TimeoutError:
                stalled = wait < BODY_IDLE_TIMEOUT_SECONDS
                raise Problem(
                    408,
                    f"The request body did not arrive within {BODY_TOTAL_TIMEOUT_SECONDS:.0f} seconds."
                    if stalled
                    else f"The request body stalled for {BODY_IDLE_TIMEOUT_SECONDS:.0f} seconds.",
                    headers=CLOSE_CONNECTION,
                ) from None
            body += chunk
            if len(body) > self.max_bytes:
                raise self._too_large()

    def _too_large(self) -> Problem:
        return Problem(413, f"The request body exceeds {self.max_bytes} bytes.", headers=CLOSE_CONNECTION)


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
