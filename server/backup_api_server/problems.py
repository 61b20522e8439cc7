"""RFC 9457 problem documents: every error the server answers is one of these."""

from __future__ import annotations

from http import HTTPStatus

from fastapi.responses import JSONResponse

from . import contract

PROBLEM_MEDIA_TYPE = "application/problem+json"

# The `type` of each documented problem; the spec's examples use the same URNs.
PROBLEM_TYPES: dict[int, str] = {
    400: "urn:backup-api:problem:malformed-json",
    404: "urn:backup-api:problem:not-found",
    405: "urn:backup-api:problem:method-not-allowed",
    406: "urn:backup-api:problem:not-acceptable",
    408: "urn:backup-api:problem:request-timeout",
    409: "urn:backup-api:problem:conflict",
    410: "urn:backup-api:problem:gone",
    413: "urn:backup-api:problem:payload-too-large",
    415: "urn:backup-api:problem:unsupported-media-type",
    422: "urn:backup-api:problem:validation-failed",
    429: "urn:backup-api:problem:too-many-requests",
    500: "urn:backup-api:problem:internal-error",
    503: "urn:backup-api:problem:store-unavailable",
    507: "urn:backup-api:problem:insufficient-storage",
}

# More specific `type`s of a 409 (the spec's `Conflict` response).
BACKUP_CORRUPTED = "urn:backup-api:problem:backup-corrupted"
# The backup's archive is encrypted and the server has no key, or another key than the one that
# made it: restart the server with the right `--encryption-key-file`. Nothing was restored.
BACKUP_KEY_MISMATCH = "urn:backup-api:problem:backup-key-mismatch"
# With a key configured, a backup stored in plaintext: anyone who can write the store could have
# written it (the key is the only proof of who wrote a backup); `--allow-unencrypted-restore` takes it.
BACKUP_UNENCRYPTED = "urn:backup-api:problem:backup-unencrypted"
# The operation was cancelled while it ran (the engine's `OperationCancelled`).
CANCELLED = "urn:backup-api:problem:cancelled"


def undocumented_types(types: set[str]) -> set[str]:
    """Those of ``types`` that the spec's `ProblemType` enum does not list."""
    return types - contract.problem_types()


# Every `type` named here is one the spec documents, or the server does not start.
if _undocumented := undocumented_types(
    {*PROBLEM_TYPES.values(), BACKUP_CORRUPTED, BACKUP_KEY_MISMATCH, BACKUP_UNENCRYPTED, CANCELLED}
):
    raise RuntimeError(f"problem types missing from the spec's ProblemType: {sorted(_undocumented)}")


class Problem(Exception):
    """Raised anywhere in a request to answer with a problem document."""

    def __init__(
        self, status: int, detail: str, *, type_: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = type_ or PROBLEM_TYPES.get(status, "about:blank")
        self.headers = headers or {}


def problem_response(
    status: int,
    detail: str,
    *,
    type_: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, object] = {
        "type": type_ or PROBLEM_TYPES.get(status, "about:blank"),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if instance is not None:
        body["instance"] = instance
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)
