"""Verifying TropiCal's tokens with its public keys alone (RFC 8725's rules, RFC 9068's type)."""

import base64
import json
import threading
import time
import urllib.parse
import urllib.request
from typing import Optional

import jwt

from .settings import Settings

# The algorithm each kind of key in TropiCal's JWKS signs with, and nothing else: the algorithm is
# taken from the key, never from the token, so "none" and an HS256 token "signed" with the public
# key are refused before any signature is checked.
ALGORITHM_OF_KEY = {("EC", "P-256"): "ES256", ("OKP", "Ed25519"): "EdDSA"}
# Headers that would have a verifier fetch or trust a key the token names itself (RFC 8725 3.10).
KEY_CARRYING_HEADERS = ("jku", "jwk", "x5u", "x5c")
# Clocks of TropiCal and this service may differ by this much; kept small, since it lengthens the
# gateway's one-minute tokens for whoever holds one.
LEEWAY_SECONDS = 5


class InvalidToken(Exception):
    """The token is refused: 401. The reason is logged, never sent."""


class KeysUnavailable(Exception):
    """TropiCal's JWKS or introspection endpoint could not be reached: 503, not the caller's fault."""


class BoundedJWKClient(jwt.PyJWKClient):
    """PyJWKClient, with a timeout on each fetch and at most one refetch per cooldown for a kid it
    does not know: PyJWT's own refetches for every unknown kid, so a loop of tokens with made-up kids
    would have this service fetch TropiCal's JWKS as fast as anyone can send them."""

    def __init__(self, uri: str, lifespan: int, refetch_cooldown: float, timeout: float = 5):
        super().__init__(uri, cache_keys=False, cache_jwk_set=True, lifespan=lifespan)
        self.refetch_cooldown = refetch_cooldown
        self.timeout = timeout
        self.fetches = 0
        self._last_fetch = float("-inf")
        self._lock = threading.Lock()

    def fetch_data(self):
        with self._lock:
            self._last_fetch = time.monotonic()
            self.fetches += 1
            try:
                with urllib.request.urlopen(self.uri, timeout=self.timeout) as response:
                    data = json.load(response)
            except (OSError, ValueError) as error:
                raise KeysUnavailable(f"JWKS fetch failed: {error}") from None
            self.jwk_set_cache.put(data)
            return data

    def get_signing_key(self, kid: str) -> jwt.PyJWK:
        key = self.match_kid(self.get_signing_keys(), kid)
        if key is None:
            with self._lock:
                may_refetch = time.monotonic() - self._last_fetch >= self.refetch_cooldown
            if may_refetch:
                key = self.match_kid(self.get_signing_keys(refresh=True), kid)
        if key is None:
            raise InvalidToken("unknown kid")
        return key


class TokenVerifier:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.jwks = BoundedJWKClient(settings.jwks_url, settings.jwks_cache_seconds, settings.jwks_refetch_cooldown_seconds)
        # RFC 9068 tokens minted by the gateway, or TropiCal's own access tokens.
        self.types = ("at+jwt", "application/at+jwt") if settings.mode == "gateway" else ("JWT",)

    def verify(self, token: str) -> dict:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise InvalidToken("malformed") from None
        if any(name in header for name in KEY_CARRYING_HEADERS):
            raise InvalidToken("key-carrying header")
        if header.get("typ") not in self.types:
            raise InvalidToken("wrong type")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise InvalidToken("no kid")
        try:
            key = self.jwks.get_signing_key(kid)
        except jwt.PyJWKClientError:
            raise InvalidToken("no usable key") from None
        algorithm = ALGORITHM_OF_KEY.get((key.key_type, key._jwk_data.get("crv")))
        if algorithm is None or header.get("alg") != algorithm:
            raise InvalidToken("algorithm not the key's")
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=[algorithm],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub", "jti"]},
            )
        except jwt.PyJWTError as error:
            raise InvalidToken(type(error).__name__) from None
        if not isinstance(claims.get("sid"), str):
            raise InvalidToken("no session")
        if self.settings.mode == "direct" and claims.get("tokenType") != "ACCESS":
            raise InvalidToken("not an access token")
        if self.settings.mode == "gateway" and not isinstance(claims.get("scope"), str):
            raise InvalidToken("no scope")
        if self.settings.introspection_url:
            self._introspect(token)
        return claims

    def _introspect(self, token: str) -> None:
        """Asks TropiCal whether the token's session still lives (RFC 7662): a signature outlives a
        sign-out by the token's lifetime, the database's answer does not."""
        quote = lambda value: urllib.parse.quote(value, safe="")  # noqa: E731 — RFC 6749 2.3.1
        credentials = base64.b64encode(f"{quote(self.settings.service_name)}:{quote(self.settings.service_secret or '')}".encode()).decode()
        request = urllib.request.Request(
            self.settings.introspection_url or "",
            data=urllib.parse.urlencode({"token": token}).encode(),
            headers={"Authorization": f"Basic {credentials}", "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                answer = json.load(response)
        except (OSError, ValueError) as error:
            raise KeysUnavailable(f"introspection failed: {error}") from None
        if answer.get("active") is not True:
            raise InvalidToken("inactive")


def bearer_token(authorization: Optional[str]) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token or " " in token:
        raise InvalidToken("no bearer token")
    return token
