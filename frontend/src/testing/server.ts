import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

import { dashboard, focusStats, me } from "./fixtures";

export const API = "/api/v1/master-admin";
export const DEV_TOKEN = "dev-token-1";

/** The network as a signed-in founder with an empty history sees it; tests override
 * the handlers they are about with `server.use(...)`. */
export const handlers = [
  http.get("/api/v1/config", () => HttpResponse.json({ auth: "development", clerk_publishable_key: null })),
  http.post("/api/v1/dev/token", () => HttpResponse.json({ token: DEV_TOKEN })),
  http.get(`${API}/me`, () => HttpResponse.json(me())),
  http.get(`${API}/dashboard`, () => HttpResponse.json(dashboard())),
  http.get(`${API}/activities/today`, () => HttpResponse.json([])),
  http.get(`${API}/nudges`, () => HttpResponse.json([])),
  http.post(`${API}/nudges/generate`, () => HttpResponse.json([], { status: 201 })),
  http.get(`${API}/focus-sessions/active`, () => HttpResponse.json(null)),
  http.get(`${API}/focus-sessions/stats`, () => HttpResponse.json(focusStats())),
  http.get(`${API}/focus-sessions`, () => HttpResponse.json([], { headers: { "X-Total-Count": "0" } })),
  // The activity log form offers the founder's prospects.
  http.get(`${API}/prospects`, () => HttpResponse.json([], { headers: { "X-Total-Count": "0" } })),
];

export const server = setupServer(...handlers);
