"""`Idempotency-Key`: a retried request is answered once, with the first answer.

The operations the spec marks `x-idempotency-key: true` (creations, the deletion) run through
`answer_once`. A request without the header runs as before. With it:

- a key never seen (or forgotten): the operation runs; a successful (2xx) answer is remembered for
  the key, an error answer is not (so a retry after `429` or `507` runs again);
- a key already answered, for the same request: the remembered answer, marked
  `Idempotent-Replayed: true`, and the operation does not run again;
- a key still being answered: `409` (`idempotency-key-in-use`);
- a key used for another request (another operation, path or body): `422`
  (`idempotency-key-reused`).

"The same request" is the same operation, path and body, compared as parsed JSON (so a client that
re-encodes its body differently still matches). Keys live in memory, bounded in time and number
(`IDEMPOTENCY_WINDOW_SECONDS`, `IDEMPOTENCY_MAX_KEYS` in settings.py): the oldest goes first, and a
restart forgets them all.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from .. import contract
from ..problems import Problem
from ..settings import IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_MAX_KEYS, IDEMPOTENCY_WINDOW_SECONDS

__all__ = [
    "HEADER",
    "REPLAYED_HEADER",
    "Answer",
    "IdempotencyKeys",
    "Keys",
    "answer_once",
    "honours_key",
]

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
EXTENSION = "x-idempotency-key"
KEY_IN_USE = "urn:backup-api:problem:idempotency-key-in-use"
KEY_REUSED = "urn:backup-api:problem:idempotency-key-reused"
# Headers of a remembered answer that are not replayed: the replay computes its own.
_NOT_REPLAYED = frozenset({"content-length", "date", "server"})


@dataclass(frozen=True)
class Answer:
    """A remembered answer: what the first request got."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @classmethod
    def of(cls, response: Response) -> Answer:
        headers = tuple(
            (name, value) for name, value in response.headers.items() if name.lower() not in _NOT_REPLAYED
        )
        return cls(response.status_code, headers, bytes(response.body))

    def replay(self) -> Response:
        response = Response(content=self.body, status_code=self.status)
        for name, value in self.headers:
            response.headers.append(name, value)
        response.headers[REPLAYED_HEADER] = "true"
        return response


@dataclass
class _Entry:
    fingerprint: str
    started: float
    answer: Answer | None = None  # None while the first request is being answered


class IdempotencyKeys:
    """The keys seen in the last `window` seconds, at most `max_keys` of them (oldest dropped)."""

    def __init__(
        self,
        window: float = IDEMPOTENCY_WINDOW_SECONDS,
        max_keys: int = IDEMPOTENCY_MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if window <= 0 or max_keys < 1:
            raise ValueError("an idempotency window needs a positive duration and room for one key")
        self.window = window
        self.max_keys = max_keys
        self._clock = clock
        self._entries: OrderedDict[str, _Entry] = OrderedDict()  # oldest first
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            self._forget_expired(self._clock())
            return len(self._entries)

    def begin(self, key: str, fingerprint: str) -> Answer | None:
        """The remembered answer for ``key``, or None when the caller is to run the operation (and
        then `finish` or `abandon` it). Raises the `Problem` for a key in use or reused."""
        with self._lock:
            now = self._clock()
            self._forget_expired(now)
            entry = self._entries.get(key)
            if entry is not None:
                if entry.fingerprint != fingerprint:
                    raise Problem(
                        422,
                        f"{HEADER}: this key was used for another request (another operation, path or "
                        "body); send a new key for a new request.",
                        type_=KEY_REUSED,
                    )
                if entry.answer is None:
                    raise Problem(
                        409,
                        f"{HEADER}: a request with this key is still being answered; retry once it is.",
                        type_=KEY_IN_USE,
                    )
                return entry.answer
            while len(self._entries) >= self.max_keys:
                self._entries.popitem(last=False)
            self._entries[key] = _Entry(fingerprint, now)
            return None

    def finish(self, key: str, fingerprint: str, answer: Answer) -> None:
        """Remember ``answer`` for the key `begin` let run (unless it was dropped meanwhile)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.fingerprint == fingerprint and entry.answer is None:
                entry.answer = answer

    def abandon(self, key: str, fingerprint: str) -> None:
        """Forget a key whose request ended without an answer worth remembering (an error)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.fingerprint == fingerprint and entry.answer is None:
                del self._entries[key]

    def _forget_expired(self, now: float) -> None:
        while self._entries:
            oldest = next(iter(self._entries.values()))
            if now - oldest.started < self.window:
                return
            self._entries.popitem(last=False)


async def _keys(request: Request) -> IdempotencyKeys:  # async: FastAPI runs a sync one in a thread
    keys: IdempotencyKeys = request.app.state.idempotency_keys
    return keys


Keys = Annotated[IdempotencyKeys, Depends(_keys)]


@cache
def honours_key(operation_id: str) -> bool:
    """Whether the spec marks the operation `x-idempotency-key: true` (its one home)."""
    for item in contract.spec_document()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation.get(EXTENSION) is True
    raise KeyError(f"the spec has no operation {operation_id!r}")


def _checked_key(value: str) -> str:
    if not 1 <= len(value) <= IDEMPOTENCY_KEY_MAX_LENGTH or not all("!" <= c <= "~" for c in value):
        raise Problem(
            422,
            f"{HEADER}: must be 1 to {IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters (a UUID, say).",
        )
    return value


def _fingerprint(operation_id: str, path: str, body: Any) -> str:
    canonical = json.dumps(
        [operation_id, path, body], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


async def answer_once(
    request: Request,
    keys: IdempotencyKeys,
    operation_id: str,
    body: Any,
    run: Callable[[], Awaitable[Response]],
) -> Response:
    """Run the operation, once per `Idempotency-Key` when the request has one and the spec says
    the operation honours it. ``body`` is the parsed request body (None without one)."""
    value = request.headers.get(HEADER)
    if value is None or not honours_key(operation_id):
        return await run()
    key = _checked_key(value)
    fingerprint = _fingerprint(operation_id, request.url.path, body)
    remembered = keys.begin(key, fingerprint)
    if remembered is not None:
        return remembered.replay()
    try:
        response = await run()
    except BaseException:
        keys.abandon(key, fingerprint)
        raise
    if 200 <= response.status_code < 300:
        keys.finish(key, fingerprint, Answer.of(response))
    else:
        keys.abandon(key, fingerprint)
    return response
