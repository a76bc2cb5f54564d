"""The ASGI entry point servers import: the app built from the environment's settings."""

from careerpath.main import create_app

app = create_app(served=True)
