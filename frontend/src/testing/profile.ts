import { http, HttpResponse } from "msw";

import { dashboard, me } from "./fixtures";
import { API, server } from "./server";

/** The server's side of the profile: `PATCH /me` bodies are recorded; a zone outside
 * `known` (or a currency outside `CURRENCIES`) is refused with FastAPI's 422, as the
 * server refuses a name it does not ship.
 * Reads of the profile and of the dashboard (a figure that hangs on "today") are counted. */
const CURRENCIES = ["USD", "EUR", "GBP"];

/** FastAPI's 422 for one field of the body. */
function refusal(field: string, msg: string) {
  return HttpResponse.json({ detail: [{ type: "value_error", loc: ["body", field], msg }] }, { status: 422 });
}

export function serveProfile(timezone: string, known = ["UTC", "Europe/Paris", "America/New_York"]) {
  const profile = me({ timezone });
  const patches: unknown[] = [];
  let profileReads = 0;
  let dashboardReads = 0;
  server.use(
    http.get(`${API}/me`, () => {
      profileReads += 1;
      return HttpResponse.json(profile);
    }),
    http.patch(`${API}/me`, async ({ request }) => {
      const body = (await request.json()) as { timezone?: string; currency?: string };
      patches.push(body);
      if (body.currency !== undefined) {
        if (!CURRENCIES.includes(body.currency)) {
          return refusal("currency", "Value error, must be an ISO 4217 currency code, e.g. USD or EUR");
        }
        profile.currency = body.currency;
        return HttpResponse.json(profile);
      }
      if (body.timezone === undefined || !known.includes(body.timezone)) {
        return refusal("timezone", "Value error, must be an IANA time zone name, e.g. Europe/London");
      }
      profile.timezone = body.timezone;
      return HttpResponse.json(profile);
    }),
    http.get(`${API}/dashboard`, () => {
      dashboardReads += 1;
      return HttpResponse.json(dashboard());
    }),
  );
  return {
    patches,
    profileReads: () => profileReads,
    dashboardReads: () => dashboardReads,
  };
}
