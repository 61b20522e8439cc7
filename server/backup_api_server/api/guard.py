"""Who may talk to the server: checked on every request before any work is done.

A service on a well-known local port is reachable from every web page the user opens. Three checks,
in this order, stand between a page and the asset database:

1. **Host** (DNS rebinding): the `Host` header must name something no public DNS record can point at
   this machine: an IP literal, `localhost` or a `*.localhost` name (any port), or a name the server
   was started with (`--allowed-host`). Checked first, because a rebinding page's `Origin` equals its
   `Host`, so it would pass as same-origin. Refused with 421.
2. **Origin** (cross-site requests): a browser marks the requests it sends for a page with `Origin`
   (every POST) or `Sec-Fetch-Site`. A request whose `Origin` is neither the server's own nor one
   given with `--allow-origin`, or whose `Sec-Fetch-Site` says `cross-site`/`same-site` without an
   allowed `Origin`, is refused with 403. SDKs, curl and the CLI send neither header: unaffected.
3. **Bearer token**, when one is configured: `Authorization: Bearer <token>`, compared in constant
   time; refused with 401. CORS preflights of allowed origins carry no credentials and pass.

Allowed origins get CORS answers from Starlette's `CORSMiddleware`, which sits between checks 2 and
3 (see `secure`); it never sends `Access-Control-Allow-Private-Network`.

Before all three, per connection: on loopback without a token, a connection from another user of
the machine is answered by `refuse_other_user` (403) whatever it asks (see `protocol` and
`peer_user`).
"""

from __future__ import annotations

import functools
import ipaddress
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from ..problems import problem_response

__all__ = [
    "AccessPolicy",
    "InvalidOrigin",
    "host_name_is_allowed",
    "normalize_origin",
    "refuse_other_user",
    "secure",
]

PROBLEM_PREFIX = "urn:backup-api:problem:"
# What a page from an allowed origin may send and read (the API's own request and answer headers).
CORS_ALLOWED_HEADERS = ("Accept", "Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID")
CORS_EXPOSED_HEADERS = ("Backup-Id", "Idempotent-Replayed", "Location", "Retry-After")
CROSS_SITE_FETCHES = frozenset({"cross-site", "same-site"})
DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidOrigin(ValueError):
    """An `--allow-origin` value that is not `scheme://host[:port]`."""


def normalize_origin(origin: str) -> str:
    """`origin` as browsers serialise it: lower-case scheme and host, no default port, no path."""
    parts = urlsplit(origin.strip())
    try:
        port = parts.port
    except ValueError:
        raise InvalidOrigin(f"{origin!r} has an invalid port") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise InvalidOrigin(f"{origin!r} is not an http(s) origin such as http://localhost:3000")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise InvalidOrigin(f"{origin!r} has more than scheme, host and port")
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    suffix = "" if port is None or port == DEFAULT_PORTS[parts.scheme] else f":{port}"
    return f"{parts.scheme}://{host}{suffix}"


def _host_name(host_header: str) -> str | None:
    """The host name or address of a `Host` header value, lower-case, without port; None if malformed."""
    value = host_header.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0 or (value[end + 1 :] and not _is_port(value[end + 1 :])):
            return None
        return value[1:end]
    name, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".") or None


def _is_port(suffix: str) -> bool:
    return suffix.startswith(":") and suffix[1:].isdigit()


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class AccessPolicy:
    """What the server was told to trust beyond the built-in rules."""

    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
    """Extra `Host` names (lower-case, no port)."""
    allowed_origins: frozenset[str] = field(default_factory=frozenset)
    """Origins whose pages may call the API (normalised, see `normalize_origin`)."""
    token: str | None = None
    """The bearer token every request must carry, if any."""

    @classmethod
    def build(
        cls,
        *,
        allowed_hosts: Iterable[str] = (),
        allowed_origins: Iterable[str] = (),
        token: str | None = None,
    ) -> AccessPolicy:
        """Raises `InvalidOrigin` for an origin that is not `scheme://host[:port]`."""
        return cls(
            allowed_hosts=frozenset(host.strip().lower().rstrip(".") for host in allowed_hosts),
            allowed_origins=frozenset(normalize_origin(origin) for origin in allowed_origins),
            token=token or None,
        )

    def host_is_allowed(self, host_header: str) -> bool:
        return _host_is_allowed(self, host_header)

    def origin_is_allowed(self, origin: str, host_header: str | None) -> bool:
        """The server's own origin (a page it served itself) or one it was told to allow."""
        try:
            normalized = normalize_origin(origin)
        except InvalidOrigin:  # "null" (sandboxed frames, file: pages) and anything malformed
            return False
        if normalized in self.allowed_origins:
            return True
        if host_header is None:
            return False
        for scheme in DEFAULT_PORTS:
            try:
                if normalized == normalize_origin(f"{scheme}://{host_header.strip()}"):
                    return True
            except InvalidOrigin:
                return False
        return False


@functools.lru_cache(maxsize=256)
def _host_is_allowed(policy: AccessPolicy, host_header: str) -> bool:
    """`AccessPolicy.host_is_allowed`, remembered: a server sees the same few `Host` values again and
    again, and parsing one (an IP literal above all) costs more than the rest of the check. The
    cache holds at most 256 answers, whatever clients send."""
    name = _host_name(host_header)
    return name is not None and host_name_is_allowed(name, policy.allowed_hosts)


def host_name_is_allowed(name: str, allowed_hosts: frozenset[str]) -> bool:
    """The Host rule (check 1) on a name as `_host_name` reads it: an IP literal, `localhost`, a
    name *ending* in `.localhost`, or one of `allowed_hosts`. A pure function, so its table of
    cases needs no server (tests/unit/test_host_rule.py)."""
    return _is_ip_literal(name) or name == "localhost" or name.endswith(".localhost") or name in allowed_hosts


class _Refusal:
    """Answers a refused request with a problem document and closes the connection."""

    @staticmethod
    async def answer(
        scope: Scope, receive: Receive, send: Send, status: int, slug: str, detail: str, **headers: str
    ) -> None:
        response = problem_response(
            status,
            detail,
            type_=f"{PROBLEM_PREFIX}{slug}",
            instance=scope.get("path"),
            headers={"Connection": "close", **headers},
        )
        await response(scope, receive, send)


async def refuse_other_user(scope: Scope, receive: Receive, send: Send) -> None:
    """The application a connection from another local user gets instead of the API."""
    if scope["type"] != "http":
        return
    await _Refusal.answer(
        scope,
        receive,
        send,
        403,
        "other-local-user",
        "This server answers only the user running it (and root) on this machine. To share it, its "
        "user starts it with --token-file FILE (or BACKUP_API_TOKEN), and you send "
        "Authorization: Bearer <token>.",
    )


class HostAndOriginGuard:
    """Checks 1 and 2 of the module docstring."""

    def __init__(self, app: ASGIApp, policy: AccessPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refused = self.refusal(Headers(scope=scope))
            if refused is not None:
                status, slug, detail = refused
                await _Refusal.answer(scope, receive, send, status, slug, detail)
                return
        await self.app(scope, receive, send)

    def refusal(self, headers: Headers) -> tuple[int, str, str] | None:
        """(status, problem slug, detail) of a request to refuse; None for one to answer."""
        host = headers.get("host")
        if host is not None and not self.policy.host_is_allowed(host):
            name = (_host_name(host) or host)[:100]
            return (
                421,
                "host-not-allowed",
                f"This server does not answer for the host {name!r}; start it with --allowed-host {name} "
                "to allow it.",
            )
        origin = headers.get("origin")
        if origin is not None:
            if self.policy.origin_is_allowed(origin, host):
                return None
            return (
                403,
                "cross-site-request",
                f"Requests from web pages at {origin[:200]!r} are refused; start the server with "
                f"--allow-origin {origin[:200]} to allow them.",
            )
        if headers.get("sec-fetch-site", "").lower() in CROSS_SITE_FETCHES:
            return 403, "cross-site-request", "Requests a browser sends for another site are refused."
        return None


class BearerTokenGuard:
    """Check 3 of the module docstring."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        sent = headers.get("authorization", "").encode("latin-1", errors="replace")
        if not secrets.compare_digest(sent, self.expected):
            await _Refusal.answer(
                scope,
                receive,
                send,
                401,
                "unauthorized",
                "This server needs a bearer token: send Authorization: Bearer <token> "
                "(the client's api_key=, or BACKUP_API_TOKEN).",
                **{"WWW-Authenticate": 'Bearer realm="backup-api"'},
            )
            return
        await self.app(scope, receive, send)


def secure(app: Starlette, policy: AccessPolicy) -> None:
    """Put `app` behind the three checks, with CORS answers for the allowed origins in between.

    Call it after the app's other middleware is added: the last one added runs first.
    """
    if policy.token is not None:
        app.add_middleware(BearerTokenGuard, token=policy.token)
    if policy.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=sorted(policy.allowed_origins),
            allow_methods=("GET", "POST"),
            allow_headers=CORS_ALLOWED_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
            allow_private_network=False,
        )
    app.add_middleware(HostAndOriginGuard, policy=policy)
