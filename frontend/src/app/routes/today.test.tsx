import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import { activity, dashboard, nudge, prospect, TODAY, weekProgress } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, DEV_TOKEN, server } from "@/testing/server";

type Posted = { body: unknown; authorization: string | null };

/** The server's side of logging: each POST is recorded, and the dashboard then answers
 * the score the server would compute (hand-computed here: discovery 10, call 20). */
function recordActivityPosts(scores: number[]) {
  const posted: Posted[] = [];
  server.use(
    http.post(`${API}/activities`, async ({ request }) => {
      posted.push({ body: await request.json(), authorization: request.headers.get("Authorization") });
      return HttpResponse.json(activity({ id: posted.length }), { status: 201 });
    }),
    http.get(`${API}/dashboard`, () =>
      HttpResponse.json(dashboard({ today: { date: TODAY, score: scores[posted.length] ?? 0, streak_days: 1, activities_count: posted.length } })),
    ),
  );
  return posted;
}

test("shows the server's score, streak and date", async () => {
  server.use(
    http.get(`${API}/dashboard`, () =>
      HttpResponse.json(
        dashboard({
          today: { date: TODAY, score: 45, streak_days: 3, activities_count: 3 },
          streak: { current_streak: 3, longest_streak: 12, last_active_date: TODAY },
          unread_nudges: 2,
        }),
      ),
    ),
  );
  renderApp("/");
  expect(await screen.findByTestId("today-score")).toHaveTextContent("45");
  expect(screen.getByTestId("current-streak")).toHaveTextContent("3 days");
  expect(screen.getByTestId("longest-streak")).toHaveTextContent("12 days");
  expect(screen.getByRole("heading", { level: 1, name: "Today" })).toBeInTheDocument();
  expect(screen.getByText(/Wednesday, 25 November|Wednesday, November 25/)).toBeInTheDocument();
  expect(screen.getByText("2 unread")).toBeInTheDocument();
  expect(screen.queryByText(/Alive until midnight/)).not.toBeInTheDocument();
});

test("says the streak is alive until midnight while today has no score", async () => {
  server.use(
    http.get(`${API}/dashboard`, () =>
      HttpResponse.json(dashboard({ streak: { current_streak: 4, longest_streak: 4, last_active_date: "2026-11-24" } })),
    ),
  );
  renderApp("/");
  expect(await screen.findByText(/Alive until midnight/)).toBeInTheDocument();
  expect(screen.getByTestId("current-streak")).toHaveTextContent("4 days");
});

test("D then C logs a discovery and a call done today, and the new score shows", async () => {
  const posted = recordActivityPosts([0, 10, 30]);
  const { user } = renderApp("/");
  expect(await screen.findByTestId("today-score")).toHaveTextContent("0");

  await user.keyboard("d");
  await waitFor(() => expect(screen.getByTestId("today-score")).toHaveTextContent("10"));
  await user.keyboard("C");
  await waitFor(() => expect(screen.getByTestId("today-score")).toHaveTextContent("30"));

  expect(posted).toEqual([
    { body: { type: "discovery", status: "done", date: TODAY, amount: 1 }, authorization: `Bearer ${DEV_TOKEN}` },
    { body: { type: "call", status: "done", date: TODAY, amount: 1 }, authorization: `Bearer ${DEV_TOKEN}` },
  ]);
});

test("typing d, v and c in a field logs nothing", async () => {
  const posted = recordActivityPosts([]);
  const { user } = renderApp("/");
  await user.click(await screen.findByRole("button", { name: /Log with details/ }));
  const notes = await screen.findByLabelText("Notes");
  await user.type(notes, "dvc");
  expect(notes).toHaveValue("dvc");
  await user.keyboard("{Escape}");
  fireEvent.keyDown(window, { key: "d", ctrlKey: true });
  expect(posted).toEqual([]);
});

/** `GET /prospects`: the founder's prospects whose name, email or company holds `q`; each
 * search sent is recorded. */
function serveProspects() {
  const searches: (string | null)[] = [];
  const prospects = [prospect({ id: 12, name: "Ada Lovelace", company: "Acme Capital" }), prospect({ id: 14, name: "Grace Hopper", company: "Navy Fund" })];
  server.use(
    http.get(`${API}/prospects`, ({ request }) => {
      const q = new URL(request.url).searchParams.get("q");
      searches.push(q);
      const found = prospects.filter((one) => `${one.name} ${one.company}`.toLowerCase().includes((q ?? "").toLowerCase()));
      return HttpResponse.json(found, { headers: { "X-Total-Count": String(found.length) } });
    }),
  );
  return searches;
}

test("the full form logs what the founder typed", async () => {
  const posted = recordActivityPosts([5]);
  const searches = serveProspects();
  const { user } = renderApp("/");
  await user.click(await screen.findByRole("button", { name: /Log with details/ }));
  const dialog = await screen.findByRole("dialog", { name: "Log an activity" });
  await user.selectOptions(within(dialog).getByLabelText("Type"), "email");
  await user.selectOptions(within(dialog).getByLabelText("Status"), "pending");
  await user.clear(within(dialog).getByLabelText("Amount"));
  await user.type(within(dialog).getByLabelText("Amount"), "3");
  await user.type(within(dialog).getByLabelText("Find a prospect"), "acme");
  const picker = within(dialog).getByLabelText("Prospect");
  await waitFor(() => expect(within(picker).queryByRole("option", { name: "Grace Hopper (Navy Fund)" })).toBeNull());
  expect(within(picker).getAllByRole("option").map((option) => option.textContent)).toEqual([
    "None",
    "Ada Lovelace (Acme Capital)",
  ]);
  expect(searches.at(-1)).toBe("acme");
  await user.selectOptions(picker, "Ada Lovelace (Acme Capital)");
  await user.type(within(dialog).getByLabelText("Notes"), "Follow-up, Acme");
  await user.click(within(dialog).getByRole("button", { name: "Log activity" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(posted.map((post) => post.body)).toEqual([
    { type: "email", status: "pending", date: TODAY, amount: 3, notes: "Follow-up, Acme", prospect_id: 12 },
  ]);
});

test("the form shows the server's refusal and stays open", async () => {
  server.use(
    http.post(`${API}/activities`, () =>
      HttpResponse.json(
        { detail: [{ type: "value_error", loc: ["body", "prospect_id"], msg: "no prospect 12 of yours" }] },
        { status: 422 },
      ),
    ),
  );
  serveProspects();
  const { user } = renderApp("/");
  await user.click(await screen.findByRole("button", { name: /Log with details/ }));
  const dialog = await screen.findByRole("dialog");
  await user.selectOptions(await within(dialog).findByRole("combobox", { name: "Prospect" }), await within(dialog).findByRole("option", { name: "Ada Lovelace (Acme Capital)" }));
  await user.click(within(dialog).getByRole("button", { name: "Log activity" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("prospect_id: no prospect 12 of yours");
});

test("the timeline marks a pending activity done, edits and deletes", async () => {
  const requests: { method: string; path: string; body: unknown }[] = [];
  server.use(
    http.get(`${API}/activities/today`, () =>
      HttpResponse.json([
        activity({ id: 9, type: "video", status: "pending", notes: "Demo recording" }),
        activity({ id: 8, type: "email", amount: 2, created_at: "2026-11-25T09:30:00Z" }),
      ]),
    ),
    http.put(`${API}/activities/:id`, async ({ request, params }) => {
      requests.push({ method: "PUT", path: String(params.id), body: await request.json() });
      return HttpResponse.json(activity({ id: Number(params.id) }));
    }),
    http.delete(`${API}/activities/:id`, ({ params }) => {
      requests.push({ method: "DELETE", path: String(params.id), body: null });
      return new HttpResponse(null, { status: 204 });
    }),
  );
  const { user } = renderApp("/");
  expect(await screen.findByText("Demo recording", { exact: false })).toBeInTheDocument();
  expect(screen.getByText("14:05", { exact: false })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Mark Video done" }));
  await user.click(screen.getByRole("button", { name: "Edit Email ×2" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit email" });
  await user.clear(within(dialog).getByLabelText("Amount"));
  await user.type(within(dialog).getByLabelText("Amount"), "4");
  await user.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

  await user.click(screen.getByRole("button", { name: "Delete Email ×2" }));
  await user.click(await screen.findByRole("button", { name: "Delete" }));
  await waitFor(() => expect(requests).toHaveLength(3));
  expect(requests).toEqual([
    { method: "PUT", path: "9", body: { status: "done" } },
    {
      method: "PUT",
      path: "8",
      body: { type: "email", status: "done", date: TODAY, amount: 4, notes: null, prospect_id: null },
    },
    { method: "DELETE", path: "8", body: null },
  ]);
});

test("this week's progress shows done against target and the pace", async () => {
  server.use(
    http.get(`${API}/dashboard`, () =>
      HttpResponse.json(
        dashboard({
          week_progress: weekProgress({
            goal_id: 4,
            types: [
              { type: "discovery", target: 10, done: 2, remaining: 8, percent: 20, expected_by_today: 4.29 },
              { type: "email", target: 20, done: 20, remaining: 0, percent: 100, expected_by_today: 8.57 },
              { type: "video", target: 0, done: 0, remaining: 0, percent: 0, expected_by_today: 0 },
              { type: "call", target: 7, done: 3, remaining: 4, percent: 42, expected_by_today: 3 },
            ],
          }),
        }),
      ),
    ),
  );
  renderApp("/");
  const discovery = await screen.findByRole("progressbar", { name: "Discovery meetings: 2 of 10" });
  expect(discovery).toHaveAttribute("aria-valuenow", "20");
  expect(discovery).toHaveAttribute("aria-valuetext", "20%, 4.29 expected by today");
  expect(screen.getByRole("progressbar", { name: "Emails: 20 of 20" })).toHaveAttribute("aria-valuenow", "100");
  expect(screen.getAllByText("behind pace")).toHaveLength(1);
});

test("without a goal, progress says where to set one", async () => {
  renderApp("/");
  expect(await screen.findByText(/No goal for this week yet/)).toBeInTheDocument();
});

test("unread nudges can be marked read from Today", async () => {
  const read: string[] = [];
  server.use(
    http.get(`${API}/nudges`, () => HttpResponse.json([nudge()])),
    http.put(`${API}/nudges/:id/read`, ({ params }) => {
      read.push(String(params.id));
      return HttpResponse.json(nudge({ read: true }));
    }),
  );
  const { user } = renderApp("/");
  await user.click(await screen.findByRole("button", { name: "Mark read: Set this week's targets" }));
  await waitFor(() => expect(read).toEqual(["3"]));
});
