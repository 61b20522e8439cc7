"""The `Host` allowlist (DNS rebinding) as a pure function: a table of what a browser, curl or an SDK
can send, each answered without a server.

The rule (`server/backup_api_server/api/guard.py`, check 1): an IP literal, `localhost` or a name
*ending* in `.localhost` (any port), or a name given with `--allowed-host`. A rebinding page's
`Host` is a public name its attacker controls, so every name with a label after `localhost`
(`evil.localhost.attacker.test`) or with `localhost` only as a prefix (`localhost.attacker.test`,
`localhostattacker.test`) must be refused: a public DNS record can point those at 127.0.0.1.
"""

from __future__ import annotations

import pytest
from starlette.datastructures import Headers
from starlette.types import Receive, Scope, Send

from backup_api_server.api import guard
from backup_api_server.api.guard import AccessPolicy, HostAndOriginGuard, host_name_is_allowed


@pytest.fixture(autouse=True)
def no_remembered_answers() -> None:
    """The check remembers its answers per process (`_host_is_allowed` is cached): each case here
    must run the rule, not read an answer an earlier test (or a forked mutation run) left behind."""
    guard._host_is_allowed.cache_clear()


# Forms of an allowed host as clients send them: browsers lower-case the name and drop a default
# port, send IPv6 in brackets and keep a trailing dot as typed; curl and SDKs send what they were given.
ALLOWED = [
    "localhost",
    "localhost:1000",
    "localhost:5323",
    "localhost:80",
    "LOCALHOST:1000",
    "LocalHost",
    "localhost.",
    "localhost.:1000",
    # Labels before `.localhost` (RFC 6761: every such name is loopback).
    "app.localhost",
    "app.localhost:8080",
    "a.b.c.localhost:1000",
    "APP.LOCALHOST",
    "app.localhost.",
    "xn--caf-dma.localhost",  # café.localhost, as a browser sends an internationalised name
    "1.2.3.4.localhost",
    # IP literals: no DNS answer can rebind them.
    "127.0.0.1",
    "127.0.0.1:1000",
    "127.0.0.1.",
    "127.1.2.3:5323",
    "0.0.0.0:1000",
    "192.168.1.20:1000",
    "[::1]",
    "[::1]:1000",
    "[0:0:0:0:0:0:0:1]:1000",
    "[::ffff:7f00:1]:1000",  # ::ffff:127.0.0.1 as browsers serialise it
    "[fe80::1]:1000",
    " localhost:1000 ",  # surrounding whitespace a proxy may leave
]

REFUSED = [
    # Extra labels after `.localhost`: a public name the attacker's DNS controls.
    "evil.localhost.attacker.test",
    "evil.localhost.attacker.test:1000",
    "app.localhost.evil",
    "a.localhost.localhost.evil:1000",
    # `localhost` as the prefix of a longer name.
    "localhost.attacker.test",
    "localhost.attacker.test:1000",
    "localhostattacker.test",
    "localhost-attacker.test",
    "localhost.com",
    "localhost.localdomain",
    # Names that end in `localhost` without the dot before it.
    "evillocalhost",
    "evil-localhost:1000",
    "notlocalhost.",
    # Public names, including ones that look like addresses.
    "attacker.test",
    "attacker.test:1000",
    "127.0.0.1.nip.io",
    "127.0.0.1.attacker.test:1000",
    "0x7f.0.0.1",  # browsers rewrite this to 127.0.0.1 before sending; raw, it is a name
    # Malformed values: never guessed at.
    "",
    ":1000",
    "localhost:abc",
    "localhost:1000:1000",
    "[::1",
    "[::1]x",
    "[::1]:abc",
    "[::1]:x1000",  # a port must be digits from its first character
    "::1",
    "[not-an-address]:1000",
]


@pytest.mark.parametrize("host", ALLOWED)
def test_hosts_no_public_dns_can_point_here_are_allowed(host: str) -> None:
    assert AccessPolicy().host_is_allowed(host)


@pytest.mark.parametrize("host", REFUSED)
def test_hosts_a_rebinding_page_could_use_are_refused(host: str) -> None:
    assert not AccessPolicy().host_is_allowed(host)


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("backup.internal", True),
        ("backup.internal:1000", True),
        ("BACKUP.INTERNAL.", True),
        ("sub.backup.internal", False),  # an allowed host allows itself, not its subdomains
        ("backup.internal.attacker.test", False),
        ("backup.internalx", False),
        ("localhost:1000", True),  # the built-in rules still hold
        ("attacker.test", False),
    ],
)
def test_an_allowed_host_adds_exactly_that_name(host: str, allowed: bool) -> None:
    policy = AccessPolicy.build(allowed_hosts=["Backup.Internal."])
    assert policy.host_is_allowed(host) is allowed


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("localhost", True),
        ("app.localhost", True),
        ("::1", True),  # as `_host_name` reads `[::1]`
        ("10.0.0.1", True),
        ("backup.internal", True),
        (".localhost.attacker.test", False),
        ("evil.localhost.attacker.test", False),
        ("localhost.attacker.test", False),
        ("evillocalhost", False),
        ("localhost1", False),
        ("sub.backup.internal", False),
        ("", False),
    ],
)
def test_the_rule_on_a_name_read_from_the_header(name: str, allowed: bool) -> None:
    assert host_name_is_allowed(name, frozenset({"backup.internal"})) is allowed


async def never_called(scope: Scope, receive: Receive, send: Send) -> None:
    raise AssertionError("refusal() decides without calling the app")


@pytest.mark.parametrize(
    ("host", "refusal"),
    [
        ("evil.localhost.attacker.test", 421),
        ("localhost.attacker.test:1000", 421),
        ("app.localhost:1000", None),
        ("[::1]:1000", None),
    ],
)
def test_the_guard_refuses_with_421_by_the_rule(host: str, refusal: int | None) -> None:
    """The middleware asks the same rule, before it looks at `Origin`."""
    guard = HostAndOriginGuard(app=never_called, policy=AccessPolicy())
    answer = guard.refusal(Headers({"host": host, "origin": f"http://{host}"}))
    assert (answer[0] if answer else None) == refusal, answer
