import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import { me } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

test("a signed-in person who is not a master admin is told so", async () => {
  server.use(http.get(`${API}/me`, () => HttpResponse.json({ detail: "not a master admin" }, { status: 403 })));
  renderApp("/");
  expect(await screen.findByRole("heading", { name: "Not a master admin" })).toBeInTheDocument();
  expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
});

test("a refused development token is renewed and the founder is in", async () => {
  let issued = 0;
  const seen: (string | null)[] = [];
  server.use(
    http.post("/api/v1/dev/token", () => HttpResponse.json({ token: `token-${++issued}` })),
    http.get(`${API}/me`, ({ request }) => {
      const authorization = request.headers.get("Authorization");
      seen.push(authorization);
      if (authorization === "Bearer token-1") {
        return HttpResponse.json({ detail: "the token has expired" }, { status: 401 });
      }
      return HttpResponse.json(me());
    }),
  );
  renderApp("/");
  expect(await screen.findByRole("heading", { level: 1, name: "Today" })).toBeInTheDocument();
  expect(seen.slice(0, 2)).toEqual(["Bearer token-1", "Bearer token-2"]);
});

test("an unreachable server says so and can be retried", async () => {
  let up = false;
  server.use(
    http.get("/api/v1/config", () =>
      up
        ? HttpResponse.json({ auth: "development", clerk_publishable_key: null })
        : HttpResponse.json({ detail: "Service Unavailable" }, { status: 503 }),
    ),
  );
  const { user } = renderApp("/");
  expect(await screen.findByRole("heading", { name: "The server cannot be reached" }, { timeout: 8000 })).toBeInTheDocument();
  up = true;
  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Today" })).toBeInTheDocument();
});

test("a profile that cannot be read offers a retry", async () => {
  let fail = true;
  server.use(
    http.get(`${API}/me`, () =>
      fail ? HttpResponse.json({ detail: "bad request" }, { status: 400 }) : HttpResponse.json(me()),
    ),
  );
  const { user } = renderApp("/");
  expect(await screen.findByRole("heading", { name: "You could not be signed in" })).toBeInTheDocument();
  expect(screen.getByText("bad request")).toBeInTheDocument();
  fail = false;
  await user.click(screen.getByRole("button", { name: "Try again" }));
  await waitFor(() => expect(screen.getByRole("heading", { level: 1, name: "Today" })).toBeInTheDocument());
});
