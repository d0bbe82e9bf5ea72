"""Verification of Clerk session tokens (RS256 JWTs), networkless or through a JWKS."""

import asyncio
import time
from collections.abc import Mapping
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from jwt.algorithms import RSAAlgorithm

from app.core.config import Settings
from app.core.errors import ServiceUnavailable, Unauthenticated
from app.core.outbound import Outbound
from app.core.text import outside_text

LEEWAY_SECONDS = 5
JWKS_REFETCH_INTERVAL_SECONDS = 30.0
# After a failed fetch: soon enough to recover from a blip, far from a fetch per request.
JWKS_RETRY_INTERVAL_SECONDS = 5.0
JWKS_TIMEOUT_SECONDS = 5.0
VERIFIED_TOKENS_KEPT = 4096
MAX_SUBJECT_LENGTH = 255  # users.clerk_user_id; Clerk's ids are ~32 characters

Claims = Mapping[str, Any]
KEYS_UNAVAILABLE = "the signing keys could not be fetched; retry"


class JwksKeys:
    """Signing keys of a JWKS endpoint, cached by `kid`.

    An unknown `kid` triggers a re-fetch, at most once per 30 s after a fetch that
    succeeded and once per 5 s after one that failed (an `Outbound` budget), so neither
    a flood of forged kids nor an outage at Clerk turns into a flood of requests to it.
    While a failed fetch waits out its interval, an unknown `kid` is a 503, not a 401:
    the key may well exist.
    """

    def __init__(self, url: str, client: httpx.AsyncClient) -> None:
        self.url = url
        self.client = client
        self.keys: dict[str, Any] = {}
        self.outbound = Outbound(
            timeout=JWKS_TIMEOUT_SECONDS,
            interval=JWKS_REFETCH_INTERVAL_SECONDS,
            after_failure=JWKS_RETRY_INTERVAL_SECONDS,
        )
        self.lock = asyncio.Lock()

    async def get(self, kid: str) -> Any:
        if kid not in self.keys:
            async with self.lock:
                await self._refresh(kid)
        try:
            return self.keys[kid]
        except KeyError:
            raise Unauthenticated("the token is signed by an unknown key") from None

    async def _refresh(self, kid: str) -> None:
        if kid in self.keys:
            return  # fetched by another request while this one waited for the lock
        if self.outbound.ready():
            await self._fetch()
        elif self.outbound.failing:
            raise ServiceUnavailable(KEYS_UNAVAILABLE)

    async def _fetch(self) -> None:
        try:
            async with self.outbound.call():
                # The deadline is the whole call's (`Outbound.call`), not httpx's per phase.
                response = await self.client.get(self.url)
                response.raise_for_status()
                jwks = response.json()
                keys = {
                    jwk["kid"]: RSAAlgorithm.from_jwk(jwk)
                    for jwk in jwks["keys"]
                    if jwk.get("kty") == "RSA" and "kid" in jwk
                }
        except (
            httpx.HTTPError,
            TimeoutError,
            ValueError,
            KeyError,
            TypeError,
            jwt.InvalidKeyError,
        ) as error:
            raise ServiceUnavailable(KEYS_UNAVAILABLE) from error
        self.keys = keys


def load_public_key(pem: str) -> RSAPublicKey:
    """Parse a PEM public key once; env files often carry its newlines escaped."""
    try:
        key = load_pem_public_key(pem.replace("\\n", "\n").strip().encode())
    except ValueError as error:
        raise ValueError("CLERK_JWT_KEY is not a PEM public key") from error
    if not isinstance(key, RSAPublicKey):
        raise ValueError("CLERK_JWT_KEY must be an RSA public key")
    return key


class TokenVerifier:
    """Checks a session token exactly as Clerk documents: RS256 signature, exp/nbf with
    leeway, `iss` and `azp` when configured, and no pending session."""

    def __init__(
        self,
        settings: Settings,
        *,
        public_key: str | None = None,
        jwks: JwksKeys | None = None,
    ) -> None:
        self.settings = settings
        self.public_key = None if public_key is None else load_public_key(public_key)
        self.jwks = jwks
        # token -> its claims, for tokens that passed every check. A dashboard sends the
        # same short-lived token with every request; its signature is checked once.
        self.verified: dict[str, tuple[float, Claims]] = {}

    async def verify(self, token: str) -> Claims:
        cached = self.verified.get(token)
        if cached is not None:
            expires_at, claims = cached
            if time.time() <= expires_at:
                return claims
            del self.verified[token]
        claims = await self._verify(token)
        if len(self.verified) >= VERIFIED_TOKENS_KEPT:
            del self.verified[next(iter(self.verified))]  # the oldest entry
        # PyJWT accepts any number, or a numeric string, as `exp`.
        self.verified[token] = (float(claims["exp"]) + LEEWAY_SECONDS, claims)
        return claims

    async def _verify(self, token: str) -> Claims:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthenticated("the token is malformed") from None
        if header.get("alg") != "RS256":
            raise Unauthenticated("the token must be signed with RS256")
        key = await self._signing_key(header)
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                leeway=LEEWAY_SECONDS,
                issuer=self.settings.clerk_issuer,
                options={"require": ["exp", "sub"], "verify_aud": False},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the token has expired") from None
        except jwt.ImmatureSignatureError:
            raise Unauthenticated("the token is not valid yet") from None
        except jwt.InvalidIssuerError:
            raise Unauthenticated("the token has the wrong issuer") from None
        except jwt.PyJWTError:
            raise Unauthenticated("the token is invalid") from None
        self._check_session(claims)
        return claims

    async def _signing_key(self, header: Mapping[str, Any]) -> Any:
        kid = header.get("kid")
        if self.jwks is not None and isinstance(kid, str):
            return await self.jwks.get(kid)
        if self.public_key is not None:
            return self.public_key
        raise Unauthenticated("the token is signed by an unknown key")

    def _check_session(self, claims: Claims) -> None:
        subject = claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise Unauthenticated("the token has no subject")
        if outside_text(subject, max_length=MAX_SUBJECT_LENGTH) is None:
            raise Unauthenticated("the token's subject is malformed")
        if claims.get("sts") == "pending":
            raise Unauthenticated("the session is pending")
        parties = self.settings.clerk_authorized_parties
        if parties and claims.get("azp") not in parties:
            raise Unauthenticated("the token was issued to an unauthorized party")


def claim_at(claims: Claims, dotted_path: str) -> Any:
    """The value at `a.b.c` inside the claims, or None."""
    value: Any = claims
    for part in dotted_path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value
