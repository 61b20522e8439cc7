"""How to tell the server's own sha256 refusal from any other failure.

A flipped byte also breaks zstd's frame checksum ("Restored data doesn't match checksum"), so a
check for the word "checksum" passes even when the server never compares sha256 digests. The
refusal we want names the step and the comparison: the engine wraps errors with the step they
happened in (`restore: verify checksum: ...`) and `ArchiveReader.verify` says `sha256 mismatch`.
Matching both pins the refusal to the verification that runs before anything is decoded.
"""

from __future__ import annotations

CORRUPTED_PROBLEM_TYPE = "urn:backup-api:problem:backup-corrupted"
SHA256_REFUSAL = "verify checksum: sha256 mismatch"


def assert_sha256_refusal(detail: str | None) -> None:
    """The detail is the engine's sha256 comparison refusing the archive before decoding it."""
    assert detail is not None and SHA256_REFUSAL in detail, detail
