"""Defaults and bounds shared by the command line and the application, each with its reason."""

import sys

DEFAULT_HOST = "127.0.0.1"
# The real service's ports (the spec's `servers`): 1000 on macOS and Windows, where any user may bind
# it; 5323 on Linux (and the other Unixes), where a port below 1024 needs root.
MACOS_WINDOWS_PORT = 1000
LINUX_PORT = 5323


def default_port(platform: str = sys.platform) -> int:
    """The port `serve` listens on without `--port`: the real service's on this platform."""
    return MACOS_WINDOWS_PORT if platform in ("darwin", "win32") else LINUX_PORT


DEFAULT_PORT = default_port()
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
# The bearer token's environment variable, for `serve` and for the clients alike.
TOKEN_ENV = "BACKUP_API_TOKEN"

# Connections. Each costs a file descriptor, and a half-sent request holds one until a timeout ends
# it: the limit is far above what a desktop's clients open and far below the file limit `serve`
# asks for, so a flood of idle connections runs into the limit, not into "too many open files".
MAX_CONNECTIONS = 2048
OPEN_FILE_LIMIT = 8192
# A request's headers must be complete this long after the connection opened (or after the previous
# answer on a kept-alive connection); a client that drips them is disconnected.
HEADER_READ_TIMEOUT_SECONDS = 10.0
MAX_HEADER_BYTES = 16 * 1024
KEEP_ALIVE_SECONDS = 5
# An answer the client stops reading (the kernel's buffers and the server's are full) is abandoned
# after this long without progress, its connection aborted and its buffered bytes freed: 300 unread
# 10 MB pages would otherwise hold 3 GB for as long as their clients keep the connections open.
WRITE_TIMEOUT_SECONDS = 30.0
# What unread answers may hold in memory together: past it, the answer that has waited longest for
# its client is abandoned. A page of GET /assets is at most 1,000 assets (~10 MB of typical
# snippets); 256 MiB keeps ~25 such pages for slow readers while bounding what clients that never
# read can pin.
UNREAD_ANSWERS_MAX_BYTES = 256 * 1024 * 1024
# Pages of GET /assets read and built at once: a page of 1,000 large assets costs a few times its
# size while it is built (rows, their joined text, the encoded body), so 40 worker threads building
# 10 MB pages at once took the server over 1 GB; 4 keep that near 160 MB and both cores busy.
MAX_CONCURRENT_ASSET_PAGES = 4
# A request body that stalls this long, or takes longer than the total in all (64 MiB needs about
# 0.1 s on loopback), is answered 408 and its connection closed.
BODY_IDLE_TIMEOUT_SECONDS = 10.0
BODY_TOTAL_TIMEOUT_SECONDS = 120.0

# Large bodies. Bodies above LARGE_BODY_BYTES (or of unknown length) are received into unnamed files in
# `<data dir>/spool/`, then parsed one at a time: a body takes the parse slot only once it has fully
# arrived, so a client dripping one holds nothing others wait for; a complete body gets 429 if no slot
# frees up in LARGE_BODY_WAIT_SECONDS. The bodies being received may take SPOOLED_BODIES_MAX_BYTES of
# disk together (16 bodies of the default 64 MiB); past that, 429.
LARGE_BODY_BYTES = 1024 * 1024
MAX_CONCURRENT_LARGE_BODIES = 1
LARGE_BODY_WAIT_SECONDS = 5.0
SPOOLED_BODIES_MAX_BYTES = 1024 * 1024 * 1024
# A parsed JSON document costs Python objects per value (up to ~100 bytes each for tiny values);
# bounding the values bounds the memory of a body of any shape (see BodyReader).
MAX_JSON_VALUES = 2_000_000

# Creations. Each runs on one of a fixed number of worker threads, so a flood of requests cannot
# start a thread (and an archive) each; a few more wait their turn (INITIALIZED), and beyond that a
# creation is refused (429) before anything is written or an id is used, told to retry after an
# estimate from how long creations take, within these bounds (seconds).
MAX_CONCURRENT_CREATIONS = 2
MAX_PENDING_CREATIONS = 8
RETRY_AFTER_MIN_SECONDS = 1
RETRY_AFTER_MAX_SECONDS = 60

# S3-compatible object stores (`--store s3://bucket/prefix`). A request that fails with 500/502/503/504,
# throttling, a connection error or a timeout is retried by botocore ("standard" mode: capped
# exponential backoff with jitter, at most 20 s apart) up to S3_MAX_ATTEMPTS in all, then the job fails
# naming the request. Timeouts are per connection and per read, not per object, so a large archive
# is never cut short. A multipart upload holds one part in memory (S3's minimum is 5 MiB).
S3_MAX_ATTEMPTS = 5
# `Retry-After` of a 503 answered when the object store stayed down through those attempts.
STORE_RETRY_AFTER_SECONDS = 5
S3_CONNECT_TIMEOUT_SECONDS = 10.0
S3_READ_TIMEOUT_SECONDS = 60.0
S3_PART_BYTES = 8 * 1024 * 1024
# A download that fails mid-way resumes from where it stopped, after at most this long a pause.
S3_READ_RETRY_MAX_SECONDS = 5.0
# Where the store is chosen when `--store` is not given: unset means `<data dir>/backups`.
STORE_ENV = "BACKUP_API_STORE"
# The file holding the key archives are encrypted with, when `--encryption-key-file` is not given:
# unset means archives are not encrypted (see storage/encryption.py and the README's "Encryption").
ENCRYPTION_KEY_FILE_ENV = "BACKUP_API_ENCRYPTION_KEY_FILE"
# Idempotency-Key (api/idempotency.py; the spec's "Idempotency-Key" section says the same numbers).
# A client retries within seconds or minutes; a day covers a laptop that slept through its retries.
# Each remembered answer is a few hundred bytes (the 202 and 204 answers have no body), so the key
# limit bounds the memory at a few MiB however many keys clients send; the oldest goes first.
IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60
IDEMPOTENCY_MAX_KEYS = 10_000
IDEMPOTENCY_KEY_MAX_LENGTH = 255
# Verified metadata records kept in memory (storage/record_cache.py), so lists and status answers
# neither re-read nor re-verify a committed backup's metadata: committed records never change, and
# a change behind the server's back drops the entry (local store: inotify; S3: the metadata ETag).
# An entry is a few KiB (the record, its model and its answer's JSON), so this bounds the cache at a
# few tens of MiB; past it the oldest entry goes (it is read and verified again when asked for).
RECORD_CACHE_ENTRIES = 10_000
# A stored metadata record is ~1 KiB (a few hundred bytes of wire fields, checksums, a key id). One
# larger than this is corrupted, refused after a stat without reading it (a 500 MiB metadata object
# planted in a shared store costs nothing); 64 KiB leaves room for any field the spec may add.
METADATA_MAX_BYTES = 64 * 1024
