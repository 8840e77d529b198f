"""`python3 -m ai_pipeline`: serve with uvicorn on HOST:PORT (settings.py reads the rest)."""

import logging
import sys

import uvicorn

from .app import create_app
from .settings import ConfigError, load_settings


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        settings = load_settings()
    except (ConfigError, OSError) as error:
        print(f"ai-pipeline cannot start: {error}", file=sys.stderr)
        return 1
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_config=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
