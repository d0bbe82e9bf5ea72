import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import type { Schemas } from "@/lib/api-client";
import { activity, deal, prospect, TODAY } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

type Prospect = Schemas["AdminProspectDetailResponse"];

/** The server's prospects. Every list request's query string is recorded (the server's
 * filtering is not re-implemented: each answer is `list`, with `total` as X-Total-Count),
 * and every write's method, id and body. */
function serveProspects(list: Prospect[], total = list.length) {
  const queries: string[] = [];
  const writes: { method: string; id?: string; body: unknown }[] = [];
  server.use(
    http.get(`${API}/prospects`, ({ request }) => {
      queries.push(new URL(request.url).search);
      return HttpResponse.json(list, { headers: { "X-Total-Count": String(total) } });
    }),
    http.get(`${API}/prospects/:id`, ({ params }) =>
      HttpResponse.json(list.find((item) => item.id === Number(params.id))),
    ),
    http.post(`${API}/prospects`, async ({ request }) => {
      const body = (await request.json()) as Schemas["AdminProspectCreate"];
      writes.push({ method: "POST", body });
      const created = prospect({ ...body, id: 50 });
      list.unshift(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put(`${API}/prospects/:id`, async ({ request, params }) => {
      const body = (await request.json()) as Schemas["AdminProspectUpdate"];
      writes.push({ method: "PUT", id: String(params.id), body });
      const index = list.findIndex((item) => item.id === Number(params.id));
      list[index] = { ...list[index], ...body } as Prospect;
      return HttpResponse.json(list[index]);
    }),
    http.delete(`${API}/prospects/:id`, ({ params }) => {
      writes.push({ method: "DELETE", id: String(params.id), body: null });
      list.splice(
        list.findIndex((item) => item.id === Number(params.id)),
        1,
      );
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { queries, writes };
}

test("the list shows the server's lead scores; search, filters, sort and pages become the query", async () => {
  const { queries } = serveProspects(
    [
      prospect({ id: 21, name: "Ada Lovelace", company: "Acme Capital", lead_score: 29, tags: ["fintech"] }),
      prospect({ id: 22, name: "Grace Hopper", company: null, email: null, lead_score: 0, last_activity_date: null }),
    ],
    30,
  );
  const { user } = renderApp("/prospects");
  const list = await screen.findByRole("list", { name: "Prospects" });
  const rows = within(list).getAllByRole("listitem");
  expect(rows.map((row) => row.textContent)).toEqual([
    "Ada LovelaceAcme Capital · ada@acme.testQualifiedfintechLead score 29Last activity Tue, Nov 24",
    "Grace HopperNo company or emailQualifiedfintechLead score 0No activity yet",
  ]);
  expect(screen.getByRole("status")).toHaveTextContent("1–2 of 30");
  expect(queries).toEqual(["?sort=-lead_score&limit=25"]);

  await user.type(screen.getByRole("searchbox", { name: "Search" }), "acme");
  await waitFor(() => expect(queries.at(-1)).toBe("?q=acme&sort=-lead_score&limit=25"));
  expect(queries.filter((query) => query.includes("q=a&") || query.includes("q=ac&"))).toEqual([]);
  await user.click(screen.getByRole("checkbox", { name: "Engaged" }));
  await user.click(screen.getByRole("checkbox", { name: "Proposal" }));
  await user.type(screen.getByRole("searchbox", { name: "Tag" }), "fintech");
  await user.selectOptions(screen.getByLabelText("Sort by"), "-last_activity_date");
  await waitFor(() =>
    expect(queries.at(-1)).toBe(
      "?q=acme&status=engaged&status=proposal&tag=fintech&sort=-last_activity_date&limit=25",
    ),
  );
  await user.click(screen.getByRole("checkbox", { name: "Engaged" }));
  await user.click(screen.getByRole("button", { name: "Next" }));
  await waitFor(() =>
    expect(queries.at(-1)).toBe("?q=acme&status=proposal&tag=fintech&sort=-last_activity_date&limit=25&offset=25"),
  );
  expect(await screen.findByRole("status")).toHaveTextContent("26–27 of 30");
  expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "Previous" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("1–2 of 30"));
});

test("an empty answer says nothing matches", async () => {
  serveProspects([]);
  renderApp("/prospects");
  expect(await screen.findByText("No prospects match.")).toBeInTheDocument();
});

test("a new prospect is sent with empty fields as null and tags as a list", async () => {
  const { writes } = serveProspects([]);
  const { user } = renderApp("/prospects");
  await user.click(await screen.findByRole("button", { name: "New prospect" }));
  const dialog = await screen.findByRole("dialog", { name: "New prospect" });
  await user.type(within(dialog).getByLabelText("Name"), " Marie Curie ");
  await user.type(within(dialog).getByLabelText("Company"), "Radium Partners");
  await user.type(within(dialog).getByLabelText("Tags"), "science, , warm ");
  await user.selectOptions(within(dialog).getByLabelText("Status"), "engaged");
  await user.click(within(dialog).getByRole("button", { name: "Create prospect" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(writes).toEqual([
    {
      method: "POST",
      body: {
        name: "Marie Curie",
        email: null,
        phone: null,
        company: "Radium Partners",
        title: null,
        status: "engaged",
        source: null,
        tags: ["science", "warm"],
        notes: null,
      },
    },
  ]);
});

/** A prospect's activities and deals, and the activities logged from its page. */
function serveProspectPage(prospectId: number) {
  const activityQueries: string[] = [];
  const posted: unknown[] = [];
  server.use(
    http.get(`${API}/activities`, ({ request }) => {
      activityQueries.push(new URL(request.url).search);
      const items = [activity({ id: 5, type: "email", date: "2026-11-24", prospect_id: prospectId, notes: "Intro" })];
      return HttpResponse.json(items, { headers: { "X-Total-Count": "120" } });
    }),
    http.post(`${API}/activities`, async ({ request }) => {
      posted.push(await request.json());
      return HttpResponse.json(activity({ id: 6 }), { status: 201 });
    }),
    http.get(`${API}/deals`, ({ request }) => {
      const only = new URL(request.url).searchParams.get("prospect_id");
      const items = only === String(prospectId) ? [deal({ title: "Acme licence", stage: "proposal", value: 12000, probability: 40 })] : [];
      return HttpResponse.json(items, { headers: { "X-Total-Count": String(items.length) } });
    }),
  );
  return { activityQueries, posted };
}

test("a prospect's page shows its details, lead score breakdown, activities and deals", async () => {
  serveProspects([prospect({ id: 21, notes: "Met at the Paris summit" })]);
  const { activityQueries } = serveProspectPage(21);
  renderApp("/prospects/21");
  expect(await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeInTheDocument();
  expect(screen.getByTestId("lead-score")).toHaveTextContent("29 / 100");
  const score = screen.getByRole("region", { name: "Lead score" });
  expect(within(score).getByText("10 of 40")).toBeInTheDocument();
  expect(within(score).getByText("18.6 of 60")).toBeInTheDocument();
  const details = screen.getByRole("region", { name: "Details" });
  expect(within(details).getByText("Acme Capital")).toBeInTheDocument();
  expect(within(details).getByText("Met at the Paris summit")).toBeInTheDocument();
  const activities = await screen.findByRole("list", { name: "The prospect's activities" });
  expect(within(activities).getByRole("listitem")).toHaveTextContent("Email doneTue, Nov 24 · Intro");
  expect(screen.getByText("The latest 1 of 120.")).toBeInTheDocument();
  expect(activityQueries).toEqual(["?prospect_id=21&limit=100"]);
  const deals = await screen.findByRole("list", { name: "The prospect's deals" });
  expect(within(deals).getByRole("listitem")).toHaveTextContent("Acme licenceProposal $12,000.00 · 40%");
});

test("an activity logged from a prospect's page is linked to it", async () => {
  serveProspects([prospect({ id: 21 })]);
  const { posted } = serveProspectPage(21);
  const { user } = renderApp("/prospects/21");
  await user.click(await screen.findByRole("button", { name: "Log activity" }));
  const dialog = await screen.findByRole("dialog", { name: "Log an activity with this prospect" });
  expect(await within(dialog).findByRole("option", { name: "Ada Lovelace (Acme Capital)", selected: true }))
    .toBeInTheDocument();
  await user.selectOptions(within(dialog).getByLabelText("Type"), "video");
  await user.click(within(dialog).getByRole("button", { name: "Log activity" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(posted).toEqual([{ type: "video", status: "done", date: TODAY, amount: 1, notes: null, prospect_id: 21 }]);
});

test("a prospect is edited (an emptied field is cleared) and deleted after confirmation", async () => {
  const { writes } = serveProspects([prospect({ id: 21 })]);
  serveProspectPage(21);
  const { user, router } = renderApp("/prospects/21");
  await user.click(await screen.findByRole("button", { name: "Edit" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit Ada Lovelace" });
  await user.clear(within(dialog).getByLabelText("Company"));
  await user.selectOptions(within(dialog).getByLabelText("Status"), "proposal");
  await user.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  await user.click(screen.getByRole("button", { name: "Delete" }));
  await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(router.state.location.pathname).toBe("/prospects"));
  expect(writes).toEqual([
    {
      method: "PUT",
      id: "21",
      body: {
        name: "Ada Lovelace",
        email: "ada@acme.test",
        phone: null,
        company: null,
        title: "Partner",
        status: "proposal",
        source: "referral",
        tags: ["fintech"],
        notes: null,
      },
    },
    { method: "DELETE", id: "21", body: null },
  ]);
});

test("a prospect id that is not a number is a page not found", async () => {
  renderApp("/prospects/abc");
  expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
});
