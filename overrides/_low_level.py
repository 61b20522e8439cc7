# Hand-written in overrides/_low_level.py; `codegen generate` ships it unchanged.
"""The low-level functions of each operation module (``api/<tag>/<operation>.py``), written once.

Hand-written (overrides/_low_level.py). openapi-python-client gives every operation four functions
taking the client: ``sync``, ``sync_detailed``, ``asyncio``, ``asyncio_detailed``. They are kept
for the programs written against them, as one-line calls of these: the same arguments as the
operation's ``_get_kwargs`` plus ``client`` and the call options, the same runtime (retries,
timeouts, errors) as ``client.<tag>.<method>``. New code calls the client's methods.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from ._types import NOT_GIVEN

if TYPE_CHECKING:
    import httpx

    from ._base_client import AsyncAPIClient, Operation, SyncAPIClient
    from .types import Response

__all__ = ["async_detailed", "sync_detailed"]

_OPTIONS = ("timeout", "max_retries", "extra_headers")


def _split(
    operation: Operation, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, dict[str, Any]]:
    """The operation's request from the call's arguments, and how the runtime sends it."""
    options = {
        name: kwargs.pop(name, None if name == "extra_headers" else NOT_GIVEN)
        for name in _OPTIONS
    }
    request = operation._get_kwargs(*args, **kwargs)
    sending = {
        "idempotent": operation.IDEMPOTENT,
        "idempotency_key": operation.IDEMPOTENCY_KEY,
        "long_running": operation.LONG_RUNNING,
        **options,
    }
    return request, sending


def _detailed(
    operation: Operation,
    client: SyncAPIClient | AsyncAPIClient,
    response: httpx.Response,
) -> Response[Any]:
    from .types import Response

    # Parsed first: an undocumented status raises before HTTPStatus() could refuse it.
    parsed = operation._parse_response(client=client, response=response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    operation: Operation,
    client: SyncAPIClient,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> Response[Any]:
    """The operation's call, its answer as a ``Response`` (status, headers, content, parsed)."""
    request, sending = _split(operation, args, kwargs)
    return _detailed(operation, client, client.request(request, **sending))


async def async_detailed(
    operation: Operation,
    client: AsyncAPIClient,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> Response[Any]:
    """``sync_detailed`` for the async client."""
    request, sending = _split(operation, args, kwargs)
    return _detailed(operation, client, await client.request(request, **sending))
