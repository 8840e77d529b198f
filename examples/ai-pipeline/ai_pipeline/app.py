"""The AI pipeline's HTTP face: a protected summary, and (for tests) an echo of what arrived."""

import logging
import threading

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

from .settings import Settings
from .tokens import InvalidToken, KeysUnavailable, TokenVerifier, bearer_token

logger = logging.getLogger("ai_pipeline")


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="TropiCal AI pipeline (example)", docs_url=None, redoc_url=None, openapi_url=None)
    verifier = TokenVerifier(settings)
    # Every request to a protected endpoint, accepted or not, so a test can tell that nothing came.
    counter = {"requests": 0}
    lock = threading.Lock()

    def claims(request: Request) -> dict:
        with lock:
            counter["requests"] += 1
        try:
            return verifier.verify(bearer_token(request.headers.get("authorization")))
        except InvalidToken as error:
            logger.warning("token refused: %s", error)
            raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}) from None
        except KeysUnavailable as error:
            logger.error("%s", error)
            raise HTTPException(503, "keys unavailable") from None

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok", "mode": settings.mode, "audience": settings.audience}

    @app.get("/stats")
    def stats() -> dict:
        with lock:
            return {"requests": counter["requests"], "jwks_fetches": verifier.jwks.fetches}

    @app.get("/summary")
    def summary(token: dict = Depends(claims)) -> dict:
        return {"sub": token["sub"], "sid": token["sid"], "scopes": (token.get("scope") or "").split(), "mode": settings.mode}

    @app.post("/echo")
    async def echo(request: Request, token: dict = Depends(claims)) -> JSONResponse:
        # Shows a caller what reached the service, credentials included: on for tests and demos only.
        if not settings.echo:
            raise HTTPException(404, "not found")
        body = (await request.body()).decode("utf-8", "replace")
        return JSONResponse(
            {
                "sub": token["sub"],
                "method": request.method,
                "query": dict(request.query_params),
                "headers": {name: value for name, value in request.headers.items()},
                "body": body,
            }
        )

    return app
