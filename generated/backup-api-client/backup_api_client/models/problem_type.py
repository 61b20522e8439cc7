# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from enum import StrEnum


class ProblemType(StrEnum):
    """Every `type` of a problem document the server answers (`Problem.type`), one home for them:
    the server reads this list and the tests check each answer against it.
    `malformed-json` (400: the body is not JSON).
    `malformed-request` (400: the request's framing is ambiguous, e.g. `Content-Length` with
    `Transfer-Encoding`; the connection is closed).
    `unauthorized` (401: no or another bearer token).
    `cross-site-request` (403: a browser's request for another site).
    `other-local-user` (403: a connection from another user of this machine, without the token).
    `not-found` (404: no such backup (or path)).
    `method-not-allowed` (405: the path has no such method).
    `not-acceptable` (406: no media type the client accepts).
    `request-timeout` (408: the request was not received in time).
    `conflict` (409: the backup is busy or the body names another backup).
    `cancelled` (409: the operation was cancelled while it ran).
    `backup-corrupted` (409: the archive or metadata fails its checks).
    `backup-key-mismatch` (409: the archive is encrypted with another key (or none is set)).
    `backup-unencrypted` (409: a key is set and the backup is not encrypted; see `--allow-
    unencrypted-restore`).
    `idempotency-key-in-use` (409: a request with this key is still being answered).
    `gone` (410: the backup was handed out and is gone).
    `payload-too-large` (413: the body is larger than the server takes).
    `unsupported-media-type` (415: the body is not JSON).
    `host-not-allowed` (421: the Host header names a host this server does not answer for).
    `validation-failed` (422: a parameter or the body does not match the schema).
    `idempotency-key-reused` (422: the key was used for another request).
    `too-many-requests` (429: the queue is full (see Retry-After)).
    `internal-error` (500: an unexpected failure; what had started was undone).
    `store-unavailable` (503: the object store failed or refused).
    `insufficient-storage` (507: the disk is full)."""

    URNBACKUP_APIPROBLEMBACKUP_CORRUPTED = "urn:backup-api:problem:backup-corrupted"
    URNBACKUP_APIPROBLEMBACKUP_KEY_MISMATCH = (
        "urn:backup-api:problem:backup-key-mismatch"
    )
    URNBACKUP_APIPROBLEMBACKUP_UNENCRYPTED = "urn:backup-api:problem:backup-unencrypted"
    URNBACKUP_APIPROBLEMCANCELLED = "urn:backup-api:problem:cancelled"
    URNBACKUP_APIPROBLEMCONFLICT = "urn:backup-api:problem:conflict"
    URNBACKUP_APIPROBLEMCROSS_SITE_REQUEST = "urn:backup-api:problem:cross-site-request"
    URNBACKUP_APIPROBLEMGONE = "urn:backup-api:problem:gone"
    URNBACKUP_APIPROBLEMHOST_NOT_ALLOWED = "urn:backup-api:problem:host-not-allowed"
    URNBACKUP_APIPROBLEMIDEMPOTENCY_KEY_IN_USE = (
        "urn:backup-api:problem:idempotency-key-in-use"
    )
    URNBACKUP_APIPROBLEMIDEMPOTENCY_KEY_REUSED = (
        "urn:backup-api:problem:idempotency-key-reused"
    )
    URNBACKUP_APIPROBLEMINSUFFICIENT_STORAGE = (
        "urn:backup-api:problem:insufficient-storage"
    )
    URNBACKUP_APIPROBLEMINTERNAL_ERROR = "urn:backup-api:problem:internal-error"
    URNBACKUP_APIPROBLEMMALFORMED_JSON = "urn:backup-api:problem:malformed-json"
    URNBACKUP_APIPROBLEMMALFORMED_REQUEST = "urn:backup-api:problem:malformed-request"
    URNBACKUP_APIPROBLEMMETHOD_NOT_ALLOWED = "urn:backup-api:problem:method-not-allowed"
    URNBACKUP_APIPROBLEMNOT_ACCEPTABLE = "urn:backup-api:problem:not-acceptable"
    URNBACKUP_APIPROBLEMNOT_FOUND = "urn:backup-api:problem:not-found"
    URNBACKUP_APIPROBLEMOTHER_LOCAL_USER = "urn:backup-api:problem:other-local-user"
    URNBACKUP_APIPROBLEMPAYLOAD_TOO_LARGE = "urn:backup-api:problem:payload-too-large"
    URNBACKUP_APIPROBLEMREQUEST_TIMEOUT = "urn:backup-api:problem:request-timeout"
    URNBACKUP_APIPROBLEMSTORE_UNAVAILABLE = "urn:backup-api:problem:store-unavailable"
    URNBACKUP_APIPROBLEMTOO_MANY_REQUESTS = "urn:backup-api:problem:too-many-requests"
    URNBACKUP_APIPROBLEMUNAUTHORIZED = "urn:backup-api:problem:unauthorized"
    URNBACKUP_APIPROBLEMUNSUPPORTED_MEDIA_TYPE = (
        "urn:backup-api:problem:unsupported-media-type"
    )
    URNBACKUP_APIPROBLEMVALIDATION_FAILED = "urn:backup-api:problem:validation-failed"

    def __str__(self) -> str:
        return str(self.value)
