"""Routing the spec's way: a concrete path is matched before a templated one."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from .. import contract
from ..problems import problem_response

__all__ = ["ConcretePathsFirst", "concrete_paths"]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def concrete_paths() -> dict[str, tuple[str, ...]]:
    """Each path of the spec that has no template, with the methods it documents."""
    return {
        path: tuple(method.upper() for method in item if method in HTTP_METHODS)
        for path, item in contract.spec_document()["paths"].items()
        if "{" not in path
    }


class ConcretePathsFirst:
    """OpenAPI matches a concrete path before a templated one, so `GET /backup/asset` asks the
    concrete `/backup/asset` for a method it lacks (405 with `Allow`), never `GET /backup/{backup}`
    for a backup named `asset`. Starlette would route it to the template: this answers first."""

    def __init__(self, app: ASGIApp, paths: dict[str, tuple[str, ...]]) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            methods = self.paths.get(scope["path"])
            if methods is not None and scope["method"] not in methods:
                allow = ", ".join(methods)
                response = problem_response(
                    405,
                    f"{scope['method']} is not allowed on {scope['path']}; allowed: {allow}.",
                    instance=scope["path"],
                    headers={"Allow": allow},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
