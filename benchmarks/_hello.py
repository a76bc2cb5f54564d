"""The baseline: FastAPI's hello-world JSON on uvicorn (both from the ``bench`` group)."""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def hello() -> dict[str, str]:
    """Say hello."""
    return {"hello": "world"}
