"""The streamed restore: a running restoration as Server-Sent Events, or its final progress as JSON."""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import AsyncIterator

import anyio
from fastapi.sse import EventSourceResponse, format_sse_event

from backup_api_server_models import BackupStatusEnum, BackupStreamedProgress

from ..engine import TERMINAL_STATUS_VALUES, RestorationHandle, Status

EVENT_STREAM = "text/event-stream"
# An event at least this often, even when the percentage has not moved, so clients see liveness.
HEARTBEAT_SECONDS = 0.25
POLL_SECONDS = 0.02


def wants_event_stream(accept: str | None) -> bool:
    """True when the client asks for SSE; any other Accept keeps the blocking JSON answer."""
    if not accept:
        return False
    for part in accept.split(","):
        media_type, _, parameters = part.strip().partition(";")
        if media_type.strip().lower() != EVENT_STREAM:
            continue
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        return quality > 0
    return False


def progress(handle: RestorationHandle, status: Status) -> BackupStreamedProgress:
    """One step of the restoration as the wire's BackupStreamedProgress."""
    ended = status.value in (BackupStatusEnum.FAILED, BackupStatusEnum.CANCELED)
    return BackupStreamedProgress(
        status=status.value,
        # Required in every event: a restoration starts at 0 (the engine publishes it so).
        percentage=status.percentage if status.percentage is not None else 0.0,
        backup=status.backup if status.value is BackupStatusEnum.COMPLETED else None,
        detail=(handle.failure_detail() or f"restoration ended {status.value.value}") if ended else None,
    )


def final_progress(handle: RestorationHandle) -> BackupStreamedProgress:
    """Block until the restoration ends; its terminal BackupStreamedProgress."""
    return progress(handle, handle.final_status())


async def progress_events(handle: RestorationHandle) -> AsyncIterator[bytes]:
    """The first event at once; then one per whole percent gained or per heartbeat; the terminal last.

    The restoration runs in its own thread: a client that goes away only stops this generator.
    """
    last_sent: Status | None = None
    last_sent_at = 0.0
    while True:
        status = handle.status()
        terminal = status.value in TERMINAL_STATUS_VALUES
        now = time.monotonic()
        if (
            last_sent is None
            or terminal
            or status.value is not last_sent.value
            or _whole_percent(status) > _whole_percent(last_sent)
            or now - last_sent_at >= HEARTBEAT_SECONDS
        ):
            sent = _not_before(status, last_sent)
            event = progress(handle, sent).model_dump_json(by_alias=True, exclude_none=True)
            yield format_sse_event(data_str=event)
            last_sent, last_sent_at = sent, now
            if terminal:
                return
        await anyio.sleep(POLL_SECONDS)


def _whole_percent(status: Status) -> int:
    return math.floor(status.percentage or 0.0)


def _not_before(status: Status, previous: Status | None) -> Status:
    # Percentages never go back on the wire, even if a phase restarts its own count (or has none).
    if previous is None or previous.percentage is None:
        return status
    if status.percentage is not None and status.percentage >= previous.percentage:
        return status
    return dataclasses.replace(status, percentage=previous.percentage)


def restoration_event_stream(handle: RestorationHandle) -> EventSourceResponse:
    return EventSourceResponse(
        progress_events(handle),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
