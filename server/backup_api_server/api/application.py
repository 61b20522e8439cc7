"""`create_app` assembles the HTTP layer: guard, routing, error handlers, one router per tag."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from .. import contract
from ..engine import BackupEngine
from ..engine.maintenance import Maintenance, Schedules
from ..settings import DEFAULT_MAX_BODY_BYTES, MAX_CONCURRENT_ASSET_PAGES
from ..storage.encryption import EncryptionKey
from ..storage.selection import open_store
from ..storage.spool import SPOOL_DIRECTORY
from .bodies import BodyReader
from .deps import plain_get_route
from .error_handlers import install_error_handlers
from .guard import AccessPolicy, secure
from .idempotency import IdempotencyKeys
from .routes import ROUTERS
from .routes.backup import PLAIN_GETS
from .routing import ConcretePathsFirst, concrete_paths

__all__ = ["api_version", "create_app", "open_engine"]


def api_version() -> str:
    """The spec's `info.version`: the version the server answers as, and its backup ids' prefix."""
    return str(contract.spec_document()["info"]["version"])


def open_engine(
    data_dir: Path, store: str | None = None, encryption_key: EncryptionKey | None = None
) -> BackupEngine:
    """The engine on `data_dir`, its backups in `store` (see `storage.selection.open_store`),
    encrypted with `encryption_key` if given."""
    return BackupEngine(
        data_dir,
        api_version=api_version(),
        store=open_store(store, data_dir),
        encryption_key=encryption_key,
    )


def create_app(
    data_dir: Path,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    engine: BackupEngine | None = None,
    policy: AccessPolicy | None = None,
    schedules: Schedules | None = None,
) -> FastAPI:
    """Build the application over ``engine`` (else one opened on ``data_dir`` when the app starts).

    ``schedules``: the scheduled backups and verification to run in the background (none: none).
    The app closes its engine when it stops. ``backup-api serve`` opens the engine itself first, so
    a data directory that cannot be used is reported before anything listens.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = engine or open_engine(data_dir)
        # An archive's document is bounded as a request's: what a body may not bring, a restore may not.
        app.state.engine.limit_documents(max_body_bytes)
        app.state.maintenance = Maintenance(app.state.engine, schedules)
        app.state.maintenance.start()
        try:
            yield
        finally:
            await run_in_threadpool(app.state.maintenance.stop)
            await run_in_threadpool(app.state.engine.close)

    app = FastAPI(
        title="Backup API",
        version=api_version(),
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.bodies = BodyReader(max_body_bytes, data_dir / SPOOL_DIRECTORY)
    app.state.idempotency_keys = IdempotencyKeys()
    app.state.asset_pages = asyncio.Semaphore(MAX_CONCURRENT_ASSET_PAGES)
    app.add_middleware(ConcretePathsFirst, paths=concrete_paths())
    secure(app, policy or AccessPolicy())
    install_error_handlers(app)
    # The hot reads first: matched before the rest (see `deps.plain_get_route`).
    app.router.routes.extend(plain_get_route(path, endpoint) for path, endpoint in PLAIN_GETS)
    for router in ROUTERS:
        app.include_router(router)
    return app
