"""An HTTP proxy on 127.0.0.1 in front of an S3 endpoint that injects faults: 503 answers and stalls."""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

UNAVAILABLE = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n<Error><Code>ServiceUnavailable</Code>"
    b"<Message>injected by the test proxy</Message></Error>"
)
ACCESS_DENIED = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n<Error><Code>AccessDenied</Code>"
    b"<Message>injected by the test proxy</Message></Error>"
)


class FaultyProxy:
    """Forwards every request to `upstream`, except the next `fail_next` (503) and `stall_next`
    (held `stall_seconds` before answering); `fail_all`/`stall_all` apply to every request."""

    def __init__(self, upstream: str) -> None:
        self.upstream = urlsplit(upstream)
        self.fail_next = 0
        self.fail_all = False
        self.stall_next = 0
        self.stall_all = False
        self.stall_seconds = 3.0
        # The next `cut_next` GETs answer the whole length but send half the body, then hang up.
        self.cut_next = 0
        # After a cut, every request is refused (403 AccessDenied): credentials revoked mid-download.
        self.refuse_after_cut = False
        self._refusing = False
        self.requests: list[str] = []
        self.faults = 0
        self._lock = threading.Lock()
        self.url = ""

    def heal(self) -> None:
        with self._lock:
            self.fail_next = self.stall_next = 0
            self.fail_all = self.stall_all = self._refusing = False

    def _fault(self, method: str, path: str) -> str | None:
        with self._lock:
            self.requests.append(f"{method} {path}")
            if self._refusing:
                self.faults += 1
                return "refuse"
            if self.fail_all or self.fail_next > 0:
                self.fail_next = max(0, self.fail_next - 1)
                self.faults += 1
                return "fail"
            if method == "GET" and self.cut_next > 0 and "?" not in path:
                self.cut_next -= 1
                self.faults += 1
                self._refusing = self.refuse_after_cut
                return "cut"
            if self.stall_all or self.stall_next > 0:
                self.stall_next = max(0, self.stall_next - 1)
                self.faults += 1
                return "stall"
        return None

    def handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fault = proxy._fault(self.command, self.path)
                if fault == "stall":
                    time.sleep(proxy.stall_seconds)
                if fault in ("fail", "refuse"):
                    status, document = (503, UNAVAILABLE) if fault == "fail" else (403, ACCESS_DENIED)
                    self.send_response(status)
                    self.send_header("Content-Type", "application/xml")
                    self.send_header("Content-Length", str(len(document)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(document)
                    return
                connection = http.client.HTTPConnection(
                    proxy.upstream.hostname or "127.0.0.1", proxy.upstream.port, timeout=30
                )
                try:
                    headers = {key: value for key, value in self.headers.items()}
                    connection.request(self.command, self.path, body=body, headers=headers)
                    answer = connection.getresponse()
                    content = answer.read()
                    self.send_response(answer.status)
                    for key, value in answer.getheaders():
                        if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                            self.send_header(key, value)
                    # A HEAD answer's length is the object's, not that of its (empty) body.
                    upstream_length = answer.getheader("Content-Length") if self.command == "HEAD" else None
                    self.send_header("Content-Length", upstream_length or str(len(content)))
                    self.end_headers()
                    if fault == "cut":
                        self.wfile.write(content[: len(content) // 2])
                        self.wfile.flush()
                        self.close_connection = True
                    elif self.command != "HEAD":
                        self.wfile.write(content)
                finally:
                    connection.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

        return Handler


@contextmanager
def running_faulty_proxy(upstream: str) -> Iterator[FaultyProxy]:
    proxy = FaultyProxy(upstream)
    server = ThreadingHTTPServer(("127.0.0.1", 0), proxy.handler())
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    proxy.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield proxy
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
