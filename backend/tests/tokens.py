"""Session tokens signed exactly as Clerk signs them, by a key generated for the test run."""

import time
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "https://clerk.test.example"
AUTHORIZED_PARTY = "http://localhost:3000"
KEY_ID = "ins_test_key_1"
# The Clerk user id of the master admin the `client` fixture signs in as.
FOUNDER = "user_master"


class TokenSigner:
    def __init__(self, kid: str = KEY_ID) -> None:
        self.kid = kid
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    @property
    def public_pem(self) -> str:
        return (
            self.private_key.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )

    @property
    def jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = jwt.algorithms.RSAAlgorithm.to_jwk(
            self.private_key.public_key(), as_dict=True
        )
        return {**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}

    def claims(
        self, sub: str = FOUNDER, *, role: str | None = "master_admin", **overrides: Any
    ) -> dict[str, Any]:
        """Claims of a Clerk v2 session token with the role in public metadata."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "azp": AUTHORIZED_PARTY,
            "exp": now + 60,
            "iat": now,
            "iss": ISSUER,
            "nbf": now - 10,
            "sid": "sess_test",
            "sub": sub,
            "v": 2,
            "fva": [0, -1],
            "metadata": {} if role is None else {"role": role},
        }
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def sign(self, claims: dict[str, Any], *, headers: dict[str, Any] | None = None) -> str:
        return jwt.encode(
            claims,
            self.private_key,
            algorithm="RS256",
            headers={"kid": self.kid, **(headers or {})},
        )

    def token(
        self, sub: str = FOUNDER, *, role: str | None = "master_admin", **overrides: Any
    ) -> str:
        return self.sign(self.claims(sub, role=role, **overrides))
