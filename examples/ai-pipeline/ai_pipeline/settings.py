"""The service's configuration, read once from the environment and checked before it serves."""

import json
import os
import urllib.request
from dataclasses import dataclass
from typing import Optional

MODES = ("direct", "gateway")
# The audience of TropiCal's own access tokens, which a browser or script sends in the direct model.
TROPICAL_WEB = "tropical-web"


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    mode: str
    service_name: str
    issuer: str
    jwks_url: str
    introspection_url: Optional[str]
    service_secret: Optional[str]
    jwks_cache_seconds: int
    jwks_refetch_cooldown_seconds: float
    echo: bool
    host: str
    port: int

    @property
    def audience(self) -> str:
        # Behind the gateway a token names this service; sent directly, it is TropiCal's own.
        return self.service_name if self.mode == "gateway" else TROPICAL_WEB


def _integer(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}")
    return value


def _discover(issuer: str) -> dict:
    """RFC 8414 metadata: where the JWKS and the introspection endpoint are, said by the issuer itself."""
    with urllib.request.urlopen(f"{issuer}/.well-known/oauth-authorization-server", timeout=5) as response:
        metadata = json.load(response)
    # A metadata document naming another issuer is not this issuer's (RFC 8414 3.3).
    if metadata.get("issuer") != issuer:
        raise ConfigError(f"the metadata at {issuer} names another issuer")
    return metadata


def load_settings() -> Settings:
    mode = os.environ.get("AI_MODE", "gateway")
    if mode not in MODES:
        raise ConfigError(f"AI_MODE must be one of {', '.join(MODES)}")
    issuer = os.environ.get("TROPICAL_ISSUER", "").rstrip("/")
    if not issuer.startswith(("http://", "https://")):
        raise ConfigError("TROPICAL_ISSUER must be TropiCal's origin, e.g. https://planner.example.com")
    service_name = os.environ.get("SERVICE_NAME", "ai")
    introspection = os.environ.get("TROPICAL_INTROSPECTION", "off")
    if introspection not in ("on", "off"):
        raise ConfigError("TROPICAL_INTROSPECTION must be on or off")
    secret = os.environ.get("SERVICE_SECRET") or None
    if introspection == "on" and (secret is None or len(secret) < 16):
        raise ConfigError("TROPICAL_INTROSPECTION=on needs SERVICE_SECRET (at least 16 characters, as TropiCal's SERVICE_SECRETS has it)")
    jwks_url = os.environ.get("TROPICAL_JWKS_URL") or None
    introspection_url = os.environ.get("TROPICAL_INTROSPECTION_URL") or None
    if jwks_url is None or (introspection == "on" and introspection_url is None):
        metadata = _discover(issuer)
        jwks_url = jwks_url or metadata["jwks_uri"]
        introspection_url = introspection_url or metadata.get("introspection_endpoint")
    return Settings(
        mode=mode,
        service_name=service_name,
        issuer=issuer,
        jwks_url=jwks_url,
        introspection_url=introspection_url if introspection == "on" else None,
        service_secret=secret,
        # TropiCal's JWKS says max-age=300 and publishes a key well before it signs with it.
        jwks_cache_seconds=_integer("JWKS_CACHE_SECONDS", 300, 1, 300),
        jwks_refetch_cooldown_seconds=_integer("JWKS_REFETCH_COOLDOWN_SECONDS", 30, 0, 3600),
        echo=os.environ.get("ECHO_ENDPOINT", "off") == "on",
        host=os.environ.get("HOST", "127.0.0.1"),
        port=_integer("PORT", 8100, 1, 65535),
    )
