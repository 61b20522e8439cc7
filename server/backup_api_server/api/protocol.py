"""uvicorn's HTTP/1.1 protocol with the bounds uvicorn lacks: a header read timeout, a connection
limit that refuses at the door, and no draining of a request body the application did not read.

uvicorn times out idle kept-alive connections only; a client that opens a connection and sends its
headers slowly (or never) holds it forever, and after an early answer (413, 415...) uvicorn keeps
reading the rest of the body. The subclass adds the missing timers through uvicorn's documented
extension point (`Config(http=<protocol class>)`); the version is pinned in uv.lock.
"""

from __future__ import annotations

import asyncio
import logging

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..settings import HEADER_READ_TIMEOUT_SECONDS, MAX_CONNECTIONS

__all__ = ["GuardedH11Protocol"]

logger = logging.getLogger("backup_api_server")


class GuardedH11Protocol(H11Protocol):
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > MAX_CONNECTIONS:
            logger.warning("refused a connection: %d are open (the limit)", MAX_CONNECTIONS)
            transport.close()
            return
        self._watch_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_watching_headers()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch_headers()

    def on_response_complete(self) -> None:
        if self.conn.their_state is h11.SEND_BODY and not self.transport.is_closing():
            # The answer went out before the body was read (413, 415, 403...): close rather than
            # read the rest of a body nobody will use.
            self.server_state.total_requests += 1
            self.transport.close()
            return
        super().on_response_complete()
        self._watch_headers()

    def _watch_headers(self) -> None:
        """Time the next request's headers while the connection waits for them."""
        waiting = self.conn.their_state is h11.IDLE and not self.transport.is_closing()
        if waiting and self._header_timer is None:
            self._header_timer = self.loop.call_later(HEADER_READ_TIMEOUT_SECONDS, self._headers_too_slow)
        elif not waiting:
            self._stop_watching_headers()

    def _stop_watching_headers(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()
