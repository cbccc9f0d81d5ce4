"""The HTTP side: pages from the current snapshot, and server-sent events that reload them."""

from __future__ import annotations

import asyncio
import json
import mimetypes

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from genkit.preview.page import decorate, placeholder, problems_key
from genkit.preview.state import PreviewState

KEEPALIVE_SECONDS = 15.0
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".zip": "application/zip",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NO_CACHE = {"Cache-Control": "no-store"}


def make_app(state: PreviewState, name: str) -> Starlette:
    async def page(request: Request) -> Response:
        path = request.path_params["path"] or "index.html"
        snapshot = state.snapshot
        data = snapshot.get(path)
        if data is None:
            if not snapshot.html:  # no good build yet: show why, reload when there is one
                return Response(
                    placeholder(snapshot, name), 503, NO_CACHE, media_type=TYPES[".html"]
                )
            return Response(f"{path}: not in the bundle\n", 404, NO_CACHE, media_type="text/plain")
        suffix = "." + path.rsplit(".", 1)[-1] if "." in path else ""
        if suffix == ".html":
            data = decorate(data, path, snapshot, name)
        kind = TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
        return Response(data, 200, NO_CACHE, media_type=kind)

    async def status(request: Request) -> Response:
        snapshot = state.snapshot
        return JSONResponse(
            {
                "version": snapshot.version,
                "problems": list(snapshot.problems),
                "background_problems": list(snapshot.background_problems),
                "pending": sorted(snapshot.pending),
                "ready": bool(snapshot.html),
            },
            headers=NO_CACHE,
        )

    async def events(request: Request) -> Response:
        queue = state.events.subscribe()
        snapshot = state.snapshot

        async def stream():
            try:
                hello = {"version": snapshot.version, "problems_key": problems_key(snapshot)}
                yield f"event: hello\ndata: {json.dumps(hello)}\n\n"
                while True:
                    try:
                        message = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
                    except asyncio.TimeoutError:
                        yield ": keepalive\n\n"  # also finds out that a page was closed
                        continue
                    if message is None:  # the preview is stopping
                        return
                    event, data = message
                    yield f"event: {event}\ndata: {data}\n\n"
            finally:
                state.events.unsubscribe(queue)

        return StreamingResponse(stream(), media_type="text/event-stream", headers=NO_CACHE)

    routes = [
        Route("/_preview/events", events),
        Route("/_preview/status", status),
        Route("/{path:path}", page),
    ]
    # Only this machine's names: a web page elsewhere cannot reach the preview by DNS tricks.
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])]
    return Starlette(routes=routes, middleware=middleware)
