import socket

from backup_api_cli.main import bind_socket


def test_the_listening_socket_is_tcp_so_connections_get_nodelay() -> None:
    # asyncio only sets TCP_NODELAY on connections accepted from a socket whose proto is TCP;
    # without it every answer of the server waited about 40 ms (Nagle and delayed ACKs).
    sock = bind_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()
