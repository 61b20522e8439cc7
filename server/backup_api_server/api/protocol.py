"""uvicorn's HTTP/1.1 protocol with the bounds uvicorn lacks, per connection:

- a header read timeout: uvicorn times out idle kept-alive connections only; a client that opens a
  connection and sends its head slowly (or never) would hold it forever;
- a connection limit that sheds idle connections first: past `MAX_CONNECTIONS`, the connection
  that has waited longest for a request head (a kept-alive one, or one that never sent anything)
  is closed to make room; only when none is idle is the new one refused at the door;
- a head bound that holds however the head arrives (`h11_max_incomplete_event_size` bounds only a
  head that arrives in pieces), and `Content-Length` with `Transfer-Encoding` refused (RFC 9112
  section 6.3: a request smuggling vector), both with 400 and the connection closed;
- a write timeout: an answer the client stops reading is abandoned after `WRITE_TIMEOUT_SECONDS`
  and its buffered bytes freed; and a bound on what unread answers hold together
  (`UNREAD_ANSWERS_MAX_BYTES`): past it, the answer that has waited longest for its client is
  abandoned first, so clients that never read cannot pile answers up in memory;
- no draining of a request body the application did not read (after an early 413, 415...);
- on loopback without a token, only the server's own user and root are answered (`peer_user`).

The subclass adds these through uvicorn's documented extension point (`Config(http=<protocol
class>)`); the version is pinned in uv.lock.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import weakref
from typing import ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from ..memory import release_memory
from ..settings import (
    HEADER_READ_TIMEOUT_SECONDS,
    MAX_CONNECTIONS,
    MAX_HEADER_BYTES,
    UNREAD_ANSWERS_MAX_BYTES,
    WRITE_TIMEOUT_SECONDS,
)
from .guard import refuse_other_user
from .peer_user import PeerUsers

__all__ = ["GuardedH11Protocol", "guarded_protocol"]

logger = logging.getLogger("backup_api_server")

# Where a request head ends: h11 accepts a bare LF as a line ending too.
HEAD_END = re.compile(rb"\n\r?\n")
MALFORMED_REQUEST = "urn:backup-api:problem:malformed-request"
# The connections waiting for a request head, per server, the longest-waiting first.
_idle_connections: weakref.WeakKeyDictionary[ServerState, dict[GuardedH11Protocol, None]] = (
    weakref.WeakKeyDictionary()
)
# The connections whose answers wait for their clients to read (writing paused), the longest first.
_unread_answers: weakref.WeakKeyDictionary[ServerState, dict[GuardedH11Protocol, None]] = (
    weakref.WeakKeyDictionary()
)
# After answers were abandoned, the freed memory goes back to the system once, this much later.
RELEASE_MEMORY_DELAY_SECONDS = 1.0
_memory_release: asyncio.TimerHandle | None = None


class GuardedH11Protocol(H11Protocol):
    # Who may connect without a token (None: anyone the other checks let through).
    peer_users: ClassVar[PeerUsers | None] = None
    _header_timer: asyncio.TimerHandle | None = None
    _write_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > MAX_CONNECTIONS and not self._shed_idle_connection():
            logger.warning("refused a connection: %d are open (the limit), none idle", MAX_CONNECTIONS)
            transport.close()
            return
        if self.peer_users is not None and not self.peer_users.admits(self.server, self.client):
            self.app = refuse_other_user  # every request on this connection
        self._watch_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_watching_headers()
        if self._write_timer is not None:  # it held an unread answer, now freed
            self._stop_write_timer()
            _release_memory_soon(self.loop)
        super().connection_lost(exc)

    def handle_events(self) -> None:
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            refusal = _head_refusal(self.conn.trailing_data[0])
            if refusal is not None:
                self._refuse_head(refusal)
                return
        super().handle_events()

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

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._write_timer is None:
            self._write_timer = self.loop.call_later(WRITE_TIMEOUT_SECONDS, self._write_too_slow)
        unread = _unread_answers.setdefault(self.server_state, {})
        unread[self] = None
        _abandon_over_budget(unread, keep=self)

    def resume_writing(self) -> None:
        self._stop_write_timer()
        super().resume_writing()

    def _write_too_slow(self) -> None:
        """The client read nothing for `WRITE_TIMEOUT_SECONDS`: drop the connection and what is
        buffered for it."""
        logger.warning("abandoned an answer its client stopped reading for %.0f s", WRITE_TIMEOUT_SECONDS)
        self._abandon()

    def _abandon(self) -> None:
        """Drop the connection and its buffered answer at once (`abort`, unlike `close`, does not
        wait to send it)."""
        self._stop_write_timer()
        self.transport.abort()
        _release_memory_soon(self.loop)

    def _stop_write_timer(self) -> None:
        if self._write_timer is not None:
            self._write_timer.cancel()
            self._write_timer = None
        unread = _unread_answers.get(self.server_state)
        if unread is not None:
            unread.pop(self, None)

    def _refuse_head(self, detail: str) -> None:
        body = json.dumps(
            {"type": MALFORMED_REQUEST, "title": "Bad Request", "status": 400, "detail": detail}
        ).encode()
        head = (
            "HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        self.transport.write(head.encode("ascii") + body)
        self.transport.close()

    def _shed_idle_connection(self) -> bool:
        """Close the connection that has waited longest for a request head, if any."""
        idle = _idle_connections.get(self.server_state)
        oldest = next(iter(idle), None) if idle else None
        if oldest is None:
            return False
        oldest._forget_idle()
        oldest.transport.close()
        return True

    def _watch_headers(self) -> None:
        """Time the next request's head while the connection waits for it."""
        waiting = self.conn.their_state is h11.IDLE and not self.transport.is_closing()
        if waiting and self._header_timer is None:
            self._header_timer = self.loop.call_later(HEADER_READ_TIMEOUT_SECONDS, self._headers_too_slow)
            _idle_connections.setdefault(self.server_state, {})[self] = None
        elif not waiting:
            self._stop_watching_headers()

    def _stop_watching_headers(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        self._forget_idle()

    def _forget_idle(self) -> None:
        idle = _idle_connections.get(self.server_state)
        if idle is not None:
            idle.pop(self, None)

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        self._forget_idle()
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def _abandon_over_budget(unread: dict[GuardedH11Protocol, None], keep: GuardedH11Protocol) -> None:
    """Abandon the longest-unread answers (but `keep`'s) while all of them together hold more than
    `UNREAD_ANSWERS_MAX_BYTES`."""
    held = sum(connection.transport.get_write_buffer_size() for connection in unread)
    for connection in list(unread):
        if held <= UNREAD_ANSWERS_MAX_BYTES:
            return
        if connection is not keep:
            size = connection.transport.get_write_buffer_size()
            logger.warning(
                "abandoned the oldest unread answer (%d bytes): unread answers held %d", size, held
            )
            held -= size
            connection._abandon()


def _release_memory_soon(loop: asyncio.AbstractEventLoop) -> None:
    """Give freed memory back to the system once, shortly (many answers are often freed at once)."""
    global _memory_release
    if _memory_release is None:
        _memory_release = loop.call_later(RELEASE_MEMORY_DELAY_SECONDS, _release_memory)


def _release_memory() -> None:
    global _memory_release
    _memory_release = None
    release_memory()


def _head_refusal(received: bytes) -> str | None:
    """Why the request head at the start of `received` is refused (None: it is not, or it has not
    fully arrived yet and is still within the bound)."""
    end = HEAD_END.search(received, 0, MAX_HEADER_BYTES + 3)
    if end is None:
        if len(received) > MAX_HEADER_BYTES:
            return f"The request head exceeds {MAX_HEADER_BYTES} bytes."
        return None
    names = {line.split(b":", 1)[0].strip().lower() for line in received[: end.start()].split(b"\n")[1:]}
    if b"content-length" in names and b"transfer-encoding" in names:
        return (
            "The request has both Content-Length and Transfer-Encoding, so its length is ambiguous "
            "(RFC 9112 section 6.3); send one of them."
        )
    return None


def guarded_protocol(peer_users: PeerUsers | None) -> type[GuardedH11Protocol]:
    """The protocol class for a server that admits only `peer_users` without a token (None: any)."""
    if peer_users is None:
        return GuardedH11Protocol
    return type("PeerCheckingH11Protocol", (GuardedH11Protocol,), {"peer_users": peer_users})
