"""Clerk session tokens, verified as Clerk documents; master-admin authorization."""

import asyncio
import base64
import hashlib
import hmac
import json
import socket
import time
from datetime import datetime, tzinfo
from typing import Any

import httpx
import pytest
import respx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.core.config import Settings
from app.core.errors import ServiceUnavailable, Unauthenticated
from app.core.security import LEEWAY_SECONDS, JwksKeys, TokenVerifier
from app.models import User
from tests.clock import FixedClock
from tests.committed_app import committing_client, unique_clerk_id
from tests.helpers import API, ClientWith
from tests.jwks_server import serve_jwks
from tests.openapi import operations, with_id
from tests.statements import counting_statements
from tests.tokens import TokenSigner


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned_token(claims: dict[str, Any], header: dict[str, Any]) -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}."


def hs256_token(claims: dict[str, Any], secret: bytes) -> str:
    """The classic confusion attack: HMAC keyed with the server's public key."""
    signing_input = (
        f"{b64(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}."
        f"{b64(json.dumps(claims).encode())}"
    )
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


async def get_me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})


def assert_unauthenticated(response: httpx.Response, detail: str) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": detail}


async def test_a_clerk_token_of_a_master_admin_is_accepted(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    token = signer.token(
        "user_2abc", email="founder@example.com", first_name="Ada", last_name="Lovelace"
    )
    response = await get_me(anonymous_client, token)

    assert response.status_code == 200
    body = response.json()
    assert body["clerk_user_id"] == "user_2abc"
    assert (body["email"], body["first_name"], body["last_name"]) == (
        "founder@example.com",
        "Ada",
        "Lovelace",
    )
    assert (body["role"], body["timezone"]) == ("master_admin", "UTC")
    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None
    stored = await session.scalar(select(User).where(User.clerk_user_id == "user_2abc"))
    assert stored is not None
    assert stored.id == body["id"]


async def test_the_session_cookie_is_accepted(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    anonymous_client.cookies.set("__session", signer.token("user_cookie"))
    response = await anonymous_client.get(f"{API}/me")
    assert response.status_code == 200
    assert response.json()["clerk_user_id"] == "user_cookie"


async def test_no_token_is_401(anonymous_client: httpx.AsyncClient) -> None:
    response = await anonymous_client.get(f"{API}/me")
    assert_unauthenticated(response, "a Clerk session token is required")


@pytest.mark.parametrize(
    ("overrides", "detail"),
    [
        ({"exp": -60}, "the token has expired"),
        ({"nbf": 60}, "the token is not valid yet"),
        ({"iss": "https://evil.example"}, "the token has the wrong issuer"),
        ({"azp": "https://evil.example"}, "the token was issued to an unauthorized party"),
        ({"azp": None}, "the token was issued to an unauthorized party"),
        ({"sts": "pending"}, "the session is pending"),
        ({"sub": None}, "the token is invalid"),
        ({"sub": ""}, "the token has no subject"),
        ({"exp": None}, "the token is invalid"),
    ],
)
async def test_refused_claims_are_401(
    anonymous_client: httpx.AsyncClient,
    signer: TokenSigner,
    overrides: dict[str, Any],
    detail: str,
) -> None:
    now = int(time.time())
    relative = {
        name: now + value if name in {"exp", "nbf"} and value is not None else value
        for name, value in overrides.items()
    }
    response = await get_me(anonymous_client, signer.sign(signer.claims(**relative)))
    assert_unauthenticated(response, detail)


@pytest.mark.parametrize("offset", [-4, 4])
async def test_exp_and_nbf_have_five_seconds_of_leeway(
    anonymous_client: httpx.AsyncClient,
    signer: TokenSigner,
    offset: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = int(time.time())

    class VerifiedAtNow(datetime):
        """PyJWT's clock, stopped at `now`: a busy machine cannot eat the margin."""

        @classmethod
        def now(cls, tz: tzinfo | None = None) -> "VerifiedAtNow":
            return cls.fromtimestamp(now, tz)

    monkeypatch.setattr("jwt.api_jwt.datetime", VerifiedAtNow)
    claims = signer.claims(exp=now + offset) if offset < 0 else signer.claims(nbf=now + offset)
    assert (await get_me(anonymous_client, signer.sign(claims))).status_code == 200


async def test_an_active_session_status_is_accepted(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    response = await get_me(anonymous_client, signer.token(sts="active"))
    assert response.status_code == 200


async def test_a_token_signed_by_another_key_is_401(anonymous_client: httpx.AsyncClient) -> None:
    forger = TokenSigner()
    assert_unauthenticated(await get_me(anonymous_client, forger.token()), "the token is invalid")


@pytest.mark.parametrize(
    ("token", "detail"),
    [
        ("", "a Clerk session token is required"),
        ("not-a-jwt", "the token is malformed"),
        ("a.b.c", "the token is malformed"),
        ("Bearer", "the token is malformed"),
    ],
)
async def test_malformed_tokens_are_401(
    anonymous_client: httpx.AsyncClient, token: str, detail: str
) -> None:
    response = await anonymous_client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})
    assert_unauthenticated(response, detail)


async def test_alg_none_is_refused(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    token = unsigned_token(signer.claims(), {"alg": "none", "typ": "JWT"})
    assert_unauthenticated(
        await get_me(anonymous_client, token), "the token must be signed with RS256"
    )


async def test_hs256_signed_with_the_public_key_is_refused(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    token = hs256_token(signer.claims(), signer.public_pem.encode())
    assert_unauthenticated(
        await get_me(anonymous_client, token), "the token must be signed with RS256"
    )


async def test_rs512_is_refused(anonymous_client: httpx.AsyncClient, signer: TokenSigner) -> None:
    import jwt

    token = jwt.encode(signer.claims(), signer.private_key, algorithm="RS512")
    assert_unauthenticated(
        await get_me(anonymous_client, token), "the token must be signed with RS256"
    )


async def test_a_valid_non_admin_is_403_and_still_gets_a_user_row(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    response = await get_me(anonymous_client, signer.token("user_member", role="member"))

    assert response.status_code == 403
    assert response.json() == {"detail": "master admin access is required"}
    stored = await session.scalar(select(User).where(User.clerk_user_id == "user_member"))
    assert stored is not None
    assert stored.role == "member"


async def test_unsafe_metadata_is_never_trusted(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    token = signer.token("user_sneaky", role=None, unsafe_metadata={"role": "master_admin"})
    assert (await get_me(anonymous_client, token)).status_code == 403


async def test_a_role_that_is_not_a_string_is_no_role(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    token = signer.token("user_odd", role=None, metadata={"role": ["master_admin"]})
    assert (await get_me(anonymous_client, token)).status_code == 403
    stored = await session.scalar(select(User).where(User.clerk_user_id == "user_odd"))
    assert stored is not None
    assert stored.role is None


async def test_bootstrap_user_ids_are_admins_whatever_the_claim(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    async with client_with(master_admin_user_ids=["user_founder"]) as client:
        assert (await get_me(client, signer.token("user_founder", role=None))).status_code == 200
        assert (await get_me(client, signer.token("user_else", role=None))).status_code == 403


async def test_the_role_claim_path_and_value_are_configurable(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    async with client_with(
        clerk_role_claim="public_metadata.app.role", master_admin_role="boss"
    ) as client:
        token = signer.token("user_boss", role=None, public_metadata={"app": {"role": "boss"}})
        assert (await get_me(client, token)).status_code == 200
        # The default location no longer counts.
        assert (await get_me(client, signer.token("user_default", role="boss"))).status_code == 403


async def test_without_authorized_parties_azp_is_not_checked(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    async with client_with(clerk_authorized_parties=[]) as client:
        assert (await get_me(client, signer.token(azp=None))).status_code == 200


async def test_without_an_issuer_setting_any_issuer_is_accepted(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    async with client_with(clerk_issuer=None) as client:
        token = signer.token(iss="https://other.clerk.accounts.dev")
        assert (await get_me(client, token)).status_code == 200


async def test_with_no_key_configured_every_token_is_401(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    async with client_with(clerk_jwt_key=None) as client:
        assert_unauthenticated(
            await get_me(client, signer.token()), "the token is signed by an unknown key"
        )


async def test_the_profile_follows_the_claims(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    await get_me(anonymous_client, signer.token("user_p", email="old@example.com"))
    await get_me(anonymous_client, signer.token("user_p", role="member", first_name="Grace"))

    user = await session.scalar(select(User).where(User.clerk_user_id == "user_p"))
    assert user is not None
    await session.refresh(user)
    # A claim that is absent leaves the stored value alone; the role always mirrors.
    assert (user.email, user.first_name, user.role) == ("old@example.com", "Grace", "member")


PROFILE = {
    "email": "ada@example.com",
    "first_name": "Ada",
    "last_name": "Lovelace",
    "role": "master_admin",
}


@pytest.mark.parametrize(
    "change",
    [
        {"email": "countess@example.com"},
        {"first_name": "Augusta"},
        {"last_name": "King"},
        {"first_name": "Augusta", "last_name": "King"},
    ],
    ids=["email", "first_name", "last_name", "names"],
)
async def test_each_profile_claim_takes_effect_on_its_own(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, change: dict[str, str]
) -> None:
    await get_me(anonymous_client, signer.token("user_p", **PROFILE))

    response = await get_me(anonymous_client, signer.token("user_p", **(PROFILE | change)))

    assert response.status_code == 200
    body = response.json()
    assert {name: body[name] for name in PROFILE} == PROFILE | change


async def test_a_demotion_in_clerk_is_a_403_on_the_very_next_request(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    """Only the role changes: the same email and names must not keep the stored admin."""
    assert (await get_me(anonymous_client, signer.token("user_p", **PROFILE))).status_code == 200

    demoted = signer.token("user_p", **(PROFILE | {"role": "member"}))
    response = await get_me(anonymous_client, demoted)

    assert response.status_code == 403
    user = await session.scalar(select(User).where(User.clerk_user_id == "user_p"))
    assert user is not None
    await session.refresh(user)
    assert (user.email, user.first_name, user.last_name, user.role) == (
        "ada@example.com",
        "Ada",
        "Lovelace",
        "member",
    )


# JWKS: keys fetched from Clerk's endpoint (here a real HTTP server on loopback).


async def test_jwks_keys_verify_tokens_and_are_cached(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    with serve_jwks([signer.jwk]) as jwks:
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=jwks.url) as client:
            for sub in ("user_a", "user_b", "user_c"):
                assert (await get_me(client, signer.token(sub))).status_code == 200
    assert jwks.hits == 1


async def test_an_unknown_kid_refetches_at_most_once_per_30_seconds(
    client_with: ClientWith, signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    rotated = TokenSigner(kid="ins_rotated")
    forged = TokenSigner(kid="ins_forged")
    now = [1000.0]
    monkeypatch.setattr("app.core.outbound.time.monotonic", lambda: now[0])
    with serve_jwks([signer.jwk]) as jwks:
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=jwks.url) as client:
            assert (await get_me(client, signer.token())).status_code == 200
            jwks.keys = [signer.jwk, rotated.jwk]  # Clerk rotates its keys

            now[0] += 31
            assert (await get_me(client, rotated.token())).status_code == 200
            assert jwks.hits == 2

            now[0] += 10  # within 30 s of the last fetch: unknown kids cost nothing
            for _ in range(5):
                response = await get_me(client, forged.token())
                assert_unauthenticated(response, "the token is signed by an unknown key")
            assert jwks.hits == 2

            now[0] += 20  # 30 s after the last fetch: one re-fetch, then none again
            for _ in range(5):
                response = await get_me(client, forged.token())
                assert_unauthenticated(response, "the token is signed by an unknown key")
            assert jwks.hits == 3


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, None),
        (200, b"not json"),
        (200, b'{"nokeys": []}'),
        (200, b'{"keys": [{"kid": "x", "kty": "RSA"}]}'),
    ],
)
async def test_a_jwks_outage_is_503_not_500(
    client_with: ClientWith,
    signer: TokenSigner,
    monkeypatch: pytest.MonkeyPatch,
    status: int,
    body: bytes | None,
) -> None:
    now = [1000.0]
    monkeypatch.setattr("app.core.outbound.time.monotonic", lambda: now[0])
    with serve_jwks([signer.jwk]) as jwks:
        jwks.status, jwks.body = status, body
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=jwks.url) as client:
            response = await get_me(client, signer.token())
            assert response.status_code == 503
            assert response.json() == {"detail": "the signing keys could not be fetched; retry"}
            # Back before the retry interval is out: 503 again, and Clerk is not asked.
            jwks.status, jwks.body = 200, None
            now[0] += 4.9
            held_back = await get_me(client, signer.token())
            assert held_back.status_code == 503
            assert held_back.json() == {"detail": "the signing keys could not be fetched; retry"}
            assert jwks.hits == 1
            # The outage locks the next request out for 5 s, not for 30.
            now[0] += 0.1
            assert (await get_me(client, signer.token())).status_code == 200
            assert jwks.hits == 2


async def test_an_unreachable_jwks_is_503(client_with: ClientWith, signer: TokenSigner) -> None:
    with serve_jwks([]) as jwks:
        url = jwks.url
    async with client_with(clerk_jwt_key=None, clerk_jwks_url=url) as client:
        response = await get_me(client, signer.token())
        assert response.status_code == 503
        assert response.json() == {"detail": "the signing keys could not be fetched; retry"}


async def test_a_jwks_endpoint_that_never_answers_is_503_at_the_deadline(
    client_with: ClientWith, signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.security.JWKS_TIMEOUT_SECONDS", 0.2)
    # Connections are queued by the kernel and never read: no answer, ever.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/.well-known/jwks.json"
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=url) as client:
            response = await get_me(client, signer.token())

    assert response.status_code == 503
    assert response.json() == {"detail": "the signing keys could not be fetched; retry"}


async def test_jwks_ignores_keys_that_are_not_rsa_signing_keys(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    other = {"kty": "EC", "kid": "ec", "crv": "P-256", "x": "x", "y": "y"}
    with serve_jwks([other, {**signer.jwk, "kid": None}, signer.jwk]) as jwks:
        jwks.keys[1].pop("kid")
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=jwks.url) as client:
            assert (await get_me(client, signer.token())).status_code == 200


async def test_a_token_without_kid_falls_back_to_the_pem_key(
    client_with: ClientWith, signer: TokenSigner
) -> None:
    import jwt

    token = jwt.encode(signer.claims(), signer.private_key, algorithm="RS256")
    with serve_jwks([signer.jwk]) as jwks:
        async with client_with(clerk_jwks_url=jwks.url) as client:
            assert (await get_me(client, token)).status_code == 200
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=jwks.url) as client:
            assert_unauthenticated(
                await get_me(client, token), "the token is signed by an unknown key"
            )
    assert jwks.hits == 0


# Provisioning under concurrency needs real commits on separate connections.


async def test_simultaneous_first_requests_create_one_user(
    settings: Settings, clock: FixedClock, signer: TokenSigner, engine: AsyncEngine
) -> None:
    clerk_user_id = unique_clerk_id("user_first_burst")
    async with committing_client(settings, clock, engine, clerk_user_ids=[clerk_user_id]) as client:
        responses = await asyncio.gather(
            *(get_me(client, signer.token(clerk_user_id)) for _ in range(20))
        )
        assert [r.status_code for r in responses] == [200] * 20
        assert len({r.json()["id"] for r in responses}) == 1
        async with engine.connect() as check:
            count = await check.scalar(
                select(func.count()).where(User.clerk_user_id == clerk_user_id)
            )
        assert count == 1


# Every route is protected: a new route can never ship open.


def protected_operations(app: FastAPI) -> list[tuple[str, str]]:
    return [(method, with_id(path, 1)) for method, path in operations(app) if path.startswith(API)]


async def test_every_master_admin_route_needs_a_master_admin(
    app: FastAPI, anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    operations = protected_operations(app)
    assert ("GET", f"{API}/me") in operations
    member = {"Authorization": f"Bearer {signer.token('user_member', role='member')}"}
    for method, path in operations:
        anonymous = await anonymous_client.request(method, path)
        assert anonymous.status_code == 401, (method, path)
        forbidden = await anonymous_client.request(method, path, headers=member)
        assert forbidden.status_code == 403, (method, path)


# Verified tokens are remembered until they expire: one signature check per token.


async def test_a_verified_token_is_not_verified_again_until_it_expires(
    settings: Settings, signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    verifier = TokenVerifier(settings, public_key=signer.public_pem)
    token = signer.token("user_cached")
    first = await verifier.verify(token)
    assert await verifier.verify(token) is first  # from the cache, not parsed again

    # Past its expiry the entry is dropped and the token goes through every check again
    # (where PyJWT, on its own clock, refuses it once it has really expired).
    expiry = first["exp"] + LEEWAY_SECONDS
    monkeypatch.setattr("app.core.security.time.time", lambda: expiry + 1)
    again = await verifier.verify(token)
    assert again == first
    assert again is not first


async def test_the_cache_of_verified_tokens_is_bounded(
    settings: Settings, signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.security.VERIFIED_TOKENS_KEPT", 2)
    verifier = TokenVerifier(settings, public_key=signer.public_pem)
    tokens = [signer.token(f"user_{n}") for n in range(3)]
    for token in tokens:
        await verifier.verify(token)
    assert list(verifier.verified) == tokens[1:]  # the oldest went first


def test_the_schema_declares_clerk_tokens_on_every_protected_operation(app: FastAPI) -> None:
    schema = app.openapi()
    assert app.openapi() is schema
    assert set(schema["components"]["securitySchemes"]) == {"ClerkBearer", "ClerkSessionCookie"}
    protected = [
        operation
        for path, operations in schema["paths"].items()
        if path.startswith(API)
        for operation in operations.values()
    ]
    assert len(protected) == 50  # every operation of the README's API table
    for operation in protected:
        assert operation["security"] == [{"ClerkBearer": []}, {"ClerkSessionCookie": []}]
    assert "security" not in schema["paths"]["/health"]["get"]


async def test_refused_tokens_are_never_cached(settings: Settings, signer: TokenSigner) -> None:
    verifier = TokenVerifier(settings, public_key=signer.public_pem)
    with pytest.raises(Unauthenticated, match="the session is pending"):
        await verifier.verify(signer.token(sts="pending"))
    assert verifier.verified == {}


async def test_a_numeric_string_exp_is_cached_safely(
    settings: Settings, signer: TokenSigner
) -> None:
    exp = int(time.time()) + 60
    token = signer.token(exp=str(exp))
    verifier = TokenVerifier(settings, public_key=signer.public_pem)
    first = await verifier.verify(token)
    assert verifier.verified[token] == (exp + LEEWAY_SECONDS, first)
    assert await verifier.verify(token) is first


async def test_claims_too_long_for_their_columns_are_ignored(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    token = signer.token("user_long", first_name="A" * 256, last_name="Lovelace")
    response = await get_me(anonymous_client, token)
    assert response.status_code == 200
    assert (response.json()["first_name"], response.json()["last_name"]) == (None, "Lovelace")
    # A role that cannot be stored is no role: 403, not a 500.
    long_role = await get_me(anonymous_client, signer.token("user_long_role", role="r" * 101))
    assert long_role.status_code == 403


@pytest.mark.parametrize(
    ("sub", "detail"),
    [
        ("u" * 256, "the token's subject is malformed"),
        ("user_\x00", "the token's subject is malformed"),
    ],
)
async def test_a_subject_that_cannot_be_a_user_id_is_401(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, sub: str, detail: str
) -> None:
    assert_unauthenticated(await get_me(anonymous_client, signer.token(sub)), detail)


async def test_during_a_jwks_outage_unknown_kids_fetch_once_per_retry_interval(
    client_with: ClientWith, signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr("app.core.outbound.time.monotonic", lambda: now[0])
    with serve_jwks([signer.jwk]) as jwks:
        async with client_with(clerk_jwt_key=None, clerk_jwks_url=jwks.url) as client:
            assert (await get_me(client, signer.token())).status_code == 200
            jwks.status = 500  # Clerk goes down

            now[0] += 31
            for n in range(1, 6):
                forged = TokenSigner(kid=f"ins_unknown_{n}")
                response = await get_me(client, forged.token())
                assert response.status_code == 503
                now[0] += 1
            assert jwks.hits == 2  # the first, and one try in the outage, not five

            now[0] += 1  # past 5 s after that try: one more
            assert (await get_me(client, forged.token())).status_code == 503
            assert jwks.hits == 3
            # Tokens of the keys already known are served throughout.
            assert (await get_me(client, signer.token("user_known"))).status_code == 200


async def test_a_jwks_fetch_is_cut_at_its_deadline(
    signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.core.security.JWKS_TIMEOUT_SECONDS", 0.05)
    with respx.mock:

        async def slow(request: httpx.Request) -> httpx.Response:
            await asyncio.sleep(2)
            return httpx.Response(200, json={"keys": [signer.jwk]})

        respx.get("https://clerk.example.test/jwks").mock(side_effect=slow)
        async with httpx.AsyncClient() as outbound:
            keys = JwksKeys("https://clerk.example.test/jwks", outbound)
            started = time.monotonic()
            with pytest.raises(ServiceUnavailable):
                await keys.get(signer.kid)

    assert time.monotonic() - started < 1


async def test_simultaneous_requests_naming_a_new_kid_fetch_once(signer: TokenSigner) -> None:
    async def answer(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05)  # the others arrive while the first fetch is out
        return httpx.Response(200, json={"keys": [signer.jwk]})

    with respx.mock:
        route = respx.get("https://clerk.example.test/jwks").mock(side_effect=answer)
        async with httpx.AsyncClient() as outbound:
            keys = JwksKeys("https://clerk.example.test/jwks", outbound)
            found = await asyncio.gather(*(keys.get(signer.kid) for _ in range(5)))

    assert route.call_count == 1
    assert len({id(key) for key in found}) == 1


@pytest.mark.parametrize(
    ("first_name", "stored"),
    [("", None), ("Ada\x00", None), ("A", "A"), ("A" * 255, "A" * 255)],
    ids=["empty", "nul", "one_character", "longest"],
)
async def test_a_name_claim_is_stored_only_when_it_can_be_a_name(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, first_name: str, stored: str | None
) -> None:
    response = await get_me(anonymous_client, signer.token("user_named", first_name=first_name))
    assert response.status_code == 200
    assert response.json()["first_name"] == stored


async def test_a_known_user_with_unchanged_claims_costs_one_select(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, engine: AsyncEngine
) -> None:
    await get_me(anonymous_client, signer.token("user_same", **PROFILE))
    again = signer.token("user_same", **PROFILE, sid="sess_other")  # not a cached token
    with counting_statements(engine) as statements:
        assert (await get_me(anonymous_client, again)).status_code == 200
    assert [statement.split()[0] for statement in statements] == ["SELECT"]


async def test_an_audience_claim_is_not_checked(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    """Clerk session tokens carry no audience; a custom template may add one."""
    token = signer.token("user_aud", aud="https://api.example")
    assert (await get_me(anonymous_client, token)).status_code == 200


@pytest.mark.parametrize("length", [1, 255])
async def test_the_shortest_and_longest_subjects_are_accepted(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, length: int
) -> None:
    assert (await get_me(anonymous_client, signer.token("u" * length))).status_code == 200


async def test_a_verified_token_is_remembered_up_to_its_expiry_inclusive(
    settings: Settings, signer: TokenSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    verifier = TokenVerifier(settings, public_key=signer.public_pem)
    token = signer.token("user_edge")
    first = await verifier.verify(token)
    expiry, _ = verifier.verified[token]

    monkeypatch.setattr("app.core.security.time.time", lambda: expiry)
    assert await verifier.verify(token) is first
