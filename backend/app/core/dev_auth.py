"""Local development auth: a key pair under `.data/` that mints Clerk-shaped tokens.

Only used when no Clerk key is configured and APP_ENV is development.
"""

import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from app.core.config import DATA_DIR, AppEnv, Settings

DEV_KEY_PATH = DATA_DIR / "dev-auth" / "private_key.pem"
DEV_ISSUER = "http://localhost/dev-auth"
DEV_USER_ID = "user_dev_master_admin"
DEV_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600


def dev_private_key(path: Path | None = None) -> rsa.RSAPrivateKey:
    """Load the development key pair, creating it on first use."""
    path = path or DEV_KEY_PATH
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.touch(mode=0o600)
        path.write_bytes(pem)
    loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(loaded, rsa.RSAPrivateKey):
        raise ValueError(f"{path} does not hold an RSA private key")
    return loaded


def dev_public_key_pem(path: Path | None = None) -> str:
    public = dev_private_key(path).public_key()
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def mint_dev_token(settings: Settings, path: Path | None = None) -> str:
    """A master-admin session token shaped like Clerk's, valid for 30 days."""
    now = int(time.time())
    # The role at the configured claim path, e.g. {"metadata": {"role": "master_admin"}}.
    role_claim: dict[str, Any] = {}
    node = role_claim
    *parents, leaf = settings.clerk_role_claim.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = settings.master_admin_role
    claims = {
        **role_claim,
        "sub": DEV_USER_ID,
        "sid": f"sess_{uuid.uuid4().hex}",
        "iss": settings.clerk_issuer or DEV_ISSUER,
        "iat": now,
        "nbf": now,
        "exp": now + DEV_TOKEN_LIFETIME_SECONDS,
        "v": 2,
        "email": "founder@localhost",
        "first_name": "Dev",
        "last_name": "Founder",
    }
    if settings.clerk_authorized_parties:
        claims["azp"] = settings.clerk_authorized_parties[0]
    return jwt.encode(claims, dev_private_key(path), algorithm="RS256", headers={"kid": "dev"})


def uses_dev_auth(settings: Settings) -> bool:
    return (
        settings.app_env is AppEnv.DEVELOPMENT
        and settings.clerk_jwt_key is None
        and settings.clerk_jwks_url is None
    )
