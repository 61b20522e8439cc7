"""Defaults shared by the command line and the application."""

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 1000
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
