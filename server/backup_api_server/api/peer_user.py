"""Which local user opened a loopback TCP connection: the kernel knows, and Linux tells.

On loopback without a token, the server answers only its own user and root (`PeerUsers.admits`):
anyone else on the same machine could otherwise read every asset and restore an old backup over
the database. The peer's uid comes from the kernel, asked once per connection:

1. `sock_diag` (netlink, `NETLINK_SOCK_DIAG` / `SOCK_DIAG_BY_FAMILY`, the interface `ss` uses):
   an exact lookup of the client's socket by its four-tuple (client address and port as its
   source, the server's as its destination), answering the owner's uid in `inet_diag_msg`;
2. else `/proc/net/tcp` and `/proc/net/tcp6`, searched for the same four-tuple.

A socket the kernel no longer ties to a process (a client that closed before the lookup leaves a
"time-wait" entry, which reports uid 0 and inode 0) is not known: it is refused, never taken for
root. Elsewhere (macOS, Windows, the BSDs) the peer cannot be told this way: `available()` is
False, and the README says a token is the only barrier there.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import struct
import sys
from dataclasses import dataclass

__all__ = ["PeerUsers", "available", "peer_uid"]

NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST = 0x1
NLMSG_ERROR = 0x2
INET_DIAG_NOCOOKIE = 0xFFFFFFFF
# Which TCP states a lookup matches (a bit per state); the exact lookup ignores it, dumps do not.
ALL_TCP_STATES = 0xFFF
_NLMSG_HEADER = struct.Struct("=IHHII")
_REQUEST = struct.Struct("=BBBxI")
# inet_diag_sockid: ports and addresses in network order, then the interface and the cookie.
_SOCKET_ID = struct.Struct("!HH16s16s")
_SOCKET_ID_TAIL = struct.Struct("=III")
# inet_diag_msg: family, state, timer, retransmits, the socket id (48 bytes), expires, the two
# queues, then uid and inode.
_MESSAGE_UID_INODE = struct.Struct("=II")
_UID_OFFSET = _NLMSG_HEADER.size + 4 + 48 + 12
_PROC_TABLES: dict[int, str] = {socket.AF_INET: "/proc/net/tcp", socket.AF_INET6: "/proc/net/tcp6"}

# (host, port) as uvicorn reports a connection's ends (its port may be None).
Address = tuple[str, int | None]


def available() -> bool:
    """Whether this platform tells the peer's user (Linux)."""
    return sys.platform.startswith("linux")


@dataclass(frozen=True)
class PeerUsers:
    """Who may connect without a token: the server's own user and root."""

    own_uid: int

    @classmethod
    def of_this_process(cls) -> PeerUsers:
        return cls(os.geteuid())

    def admits(self, server: Address | None, client: Address | None) -> bool:
        """Whether the user behind the connection from `client` to `server` may use the server."""
        if server is None or client is None or server[1] is None or client[1] is None:
            return False  # not a TCP connection: nothing the kernel can be asked about
        uid = peer_uid((server[0], server[1]), (client[0], client[1]))
        return uid is not None and uid in (self.own_uid, 0)


def _family_and_address(host: str) -> tuple[int, bytes]:
    """The address family and the 16-byte address field of `host` (an IPv4-mapped IPv6 address
    is the IPv4 address it maps: that is how the client's own socket sees it)."""
    address = ipaddress.ip_address(host.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if isinstance(address, ipaddress.IPv4Address):
        return socket.AF_INET, address.packed.ljust(16, b"\0")
    return socket.AF_INET6, address.packed


def peer_uid(server: tuple[str, int], client: tuple[str, int]) -> int | None:
    """The uid owning the client end of the TCP connection `client` -> `server` on this machine;
    None if it is not known (see the module docstring)."""
    try:
        family, client_address = _family_and_address(client[0])
        _, server_address = _family_and_address(server[0])
    except ValueError:
        return None
    try:
        return _sock_diag_uid(family, client_address, client[1], server_address, server[1])
    except OSError:
        return _proc_uid(family, client_address, client[1], server_address, server[1])


class _Netlink:
    """One netlink socket, opened on first use and kept (the lookups run on the event loop only)."""

    sock: socket.socket | None = None
    sequence = 0

    @classmethod
    def ask(cls, request: bytes) -> bytes:
        if cls.sock is None:
            cls.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_SOCK_DIAG)
        cls.sequence = (cls.sequence + 1) & 0xFFFFFFFF
        header = _NLMSG_HEADER.pack(
            _NLMSG_HEADER.size + len(request), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, cls.sequence, 0
        )
        try:
            cls.sock.send(header + request)
            while True:
                answer = cls.sock.recv(8192)
                if _NLMSG_HEADER.unpack_from(answer)[3] == cls.sequence:
                    return answer
        except OSError:
            cls.sock.close()
            cls.sock = None
            raise


def _sock_diag_uid(
    family: int, client: bytes, client_port: int, server: bytes, server_port: int
) -> int | None:
    socket_id = _SOCKET_ID.pack(client_port, server_port, client, server)
    socket_id += _SOCKET_ID_TAIL.pack(0, INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE)
    request = _REQUEST.pack(family, socket.IPPROTO_TCP, 0, ALL_TCP_STATES) + socket_id
    answer = _Netlink.ask(request)
    if _NLMSG_HEADER.unpack_from(answer)[1] == NLMSG_ERROR:
        (error,) = struct.unpack_from("=i", answer, _NLMSG_HEADER.size)
        if -error in (0, 2):  # ENOENT: no such socket (it is gone): not known
            return None
        raise OSError(-error, os.strerror(-error))
    uid, inode = _MESSAGE_UID_INODE.unpack_from(answer, _UID_OFFSET)
    return uid if inode else None


def _proc_address(family: int, address: bytes, port: int) -> str:
    """An address as /proc/net/tcp{,6} prints it: each 32-bit word in host byte order, in hex."""
    words = address[:4] if family == socket.AF_INET else address
    hexed = "".join(f"{word:08X}" for (word,) in struct.iter_unpack("=I", words))
    return f"{hexed}:{port:04X}"


def _proc_uid(family: int, client: bytes, client_port: int, server: bytes, server_port: int) -> int | None:
    local = _proc_address(family, client, client_port)
    remote = _proc_address(family, server, server_port)
    try:
        with open(_PROC_TABLES[family], encoding="ascii") as table:
            next(table, None)  # the column names
            for line in table:
                fields = line.split()
                if len(fields) > 9 and fields[1] == local and fields[2] == remote:
                    return int(fields[7]) if fields[9] != "0" else None
    except OSError:
        return None
    return None
