import httpx


async def test_health_needs_no_token(anonymous_client: httpx.AsyncClient) -> None:
    response = await anonymous_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_checks_the_database(anonymous_client: httpx.AsyncClient) -> None:
    response = await anonymous_client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


async def test_docs_and_schema_are_served(anonymous_client: httpx.AsyncClient) -> None:
    docs = await anonymous_client.get("/docs")
    schema = await anonymous_client.get("/openapi.json")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
    assert schema.json()["info"]["title"] == "Master Admin Portal API"
