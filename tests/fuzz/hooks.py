"""Schemathesis hooks for tests/fuzz/schemathesis.toml (loaded by `st` as `tests.fuzz.hooks`).

The streamed restore answers Server-Sent Events or JSON depending on `Accept`, which OpenAPI cannot
declare as a parameter (an `Accept` header parameter is ignored), so schemathesis would never ask for
the event stream. This makes `Accept` part of the generated input of that one operation: each case
asks for the stream, for JSON, or for anything, drawn like every other input (same seed, same cases).
No check is touched.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import strategies as st

STREAMED_RESTORE = "POST /backup/{backup}/restore/streamed"
ACCEPT_VALUES = ("text/event-stream", "application/json", "*/*")


def _with_accept(pair: tuple[dict[str, Any] | None, str]) -> dict[str, Any]:
    headers, accept = pair
    return {**(headers or {}), "Accept": accept}


@schemathesis.hook
def before_generate_headers(
    context: schemathesis.HookContext, strategy: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    if context.operation is None or context.operation.label != STREAMED_RESTORE:
        return strategy
    return st.tuples(strategy, st.sampled_from(ACCEPT_VALUES)).map(_with_accept)


CREATION = "POST /backup"


def _unique_ids(body: Any) -> Any:
    """A creation body whose assets share an id is refused (422: one would be lost on restore), a
    rule JSON Schema cannot state; schema-valid bodies get distinct ids so the positive cases stay
    valid. Anything else is left as drawn."""
    if not isinstance(body, dict) or not isinstance(body.get("iterable"), list):
        return body
    seen: set[str] = set()
    for position, asset in enumerate(body["iterable"]):
        if isinstance(asset, dict) and isinstance(asset.get("id"), str):
            while asset["id"] in seen:
                asset["id"] = f"{asset['id']}-{position}"
            seen.add(asset["id"])
    return body


@schemathesis.hook
def map_body(context: schemathesis.HookContext, body: Any) -> Any:
    if context.operation is None or context.operation.label != CREATION:
        return body
    return _unique_ids(body)
