import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import type { Schemas } from "@/lib/api-client";
import { nudge } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

type Nudge = Schemas["AdminNudgeResponse"];

const STREAK = "Your 4-day streak ends tonight: log a done activity today to keep it alive.";
const NO_GOAL = "Set this week's targets";
const CALLS = "Weekly call target reached: 7 done of 7.";

/** The server's inbox: the read ones only with `include_read=true`. It records the
 * `include_read` of each list request (`reads`) and each write (`writes`). */
function serveInbox(nudges: Nudge[]) {
  const reads: (string | null)[] = [];
  const writes: string[] = [];
  server.use(
    http.get(`${API}/nudges`, ({ request }) => {
      const includeRead = new URL(request.url).searchParams.get("include_read");
      reads.push(includeRead);
      return HttpResponse.json(nudges.filter((item) => includeRead === "true" || !item.read));
    }),
    http.put(`${API}/nudges/:id/read`, ({ params }) => {
      writes.push(`PUT ${String(params.id)}/read`);
      const found = nudges.find((item) => item.id === Number(params.id));
      if (found) found.read = true;
      return HttpResponse.json(found);
    }),
    http.delete(`${API}/nudges/:id`, ({ params }) => {
      writes.push(`DELETE ${String(params.id)}`);
      nudges.splice(
        nudges.findIndex((item) => item.id === Number(params.id)),
        1,
      );
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { reads, writes };
}

async function inboxItems() {
  const inbox = await screen.findByRole("region", { name: "Inbox" });
  return within(inbox).findAllByRole("listitem");
}

test("the inbox shows the server's nudges in its order, each with its priority and type", async () => {
  serveInbox([
    nudge({ id: 5, type: "alert", priority: "urgent", message: STREAK }),
    nudge(),
    nudge({ id: 2, type: "celebration", priority: "low", message: CALLS }),
  ]);
  renderApp("/nudges");
  expect(await screen.findByRole("heading", { level: 1, name: "Nudges" })).toBeInTheDocument();
  const items = await inboxItems();
  expect(items.map((item) => item.textContent)).toEqual([
    `UrgentAlert${STREAK}`,
    `High priorityReminder${NO_GOAL}`,
    `Low priorityCelebration${CALLS}`,
  ]);
});

test("marking a nudge read tells the server, and it leaves the unread inbox", async () => {
  const { reads, writes } = serveInbox([nudge(), nudge({ id: 2, type: "celebration", priority: "low", message: CALLS })]);
  const { user } = renderApp("/nudges");
  await user.click(await screen.findByRole("button", { name: `Mark read: ${NO_GOAL}` }));
  await waitFor(() => expect(screen.queryByText(NO_GOAL)).not.toBeInTheDocument());
  expect(screen.getByText(CALLS)).toBeInTheDocument();
  expect(writes).toEqual(["PUT 3/read"]);
  expect(new Set(reads)).toEqual(new Set(["false"]));
});

test("'Show read' lists the read ones too, marked read and with nothing left to mark", async () => {
  const { reads } = serveInbox([nudge({ read: true }), nudge({ id: 2, type: "celebration", priority: "low", message: CALLS })]);
  const { user } = renderApp("/nudges");
  expect(await screen.findByText(CALLS)).toBeInTheDocument();
  expect(screen.queryByText(NO_GOAL)).not.toBeInTheDocument();

  await user.click(screen.getByRole("checkbox", { name: "Show read" }));
  await screen.findByText(NO_GOAL);
  expect((await inboxItems()).map((item) => item.textContent)).toEqual([
    `High priorityReminderread${NO_GOAL}`,
    `Low priorityCelebration${CALLS}`,
  ]);
  expect(screen.queryByRole("button", { name: `Mark read: ${NO_GOAL}` })).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: `Delete: ${NO_GOAL}` })).toBeInTheDocument();
  expect(reads[0]).toBe("false");
  expect(reads.at(-1)).toBe("true");
});

test("deleting a nudge tells the server, and it is gone", async () => {
  const { writes } = serveInbox([nudge(), nudge({ id: 2, type: "celebration", priority: "low", message: CALLS })]);
  const { user } = renderApp("/nudges");
  await user.click(await screen.findByRole("button", { name: `Delete: ${CALLS}` }));
  await waitFor(() => expect(screen.queryByText(CALLS)).not.toBeInTheDocument());
  expect(screen.getByText(NO_GOAL)).toBeInTheDocument();
  expect(writes).toEqual(["DELETE 2"]);
});

test("'Check now' runs the rules again and says how many nudges are new", async () => {
  const created = [[], [nudge({ id: 8 }), nudge({ id: 9, message: CALLS })], [nudge({ id: 10 })], []];
  const bodies: string[] = [];
  server.use(
    http.post(`${API}/nudges/generate`, async ({ request }) => {
      bodies.push(await request.text());
      return HttpResponse.json(created[bodies.length - 1], { status: 201 });
    }),
  );
  const { user } = renderApp("/nudges");
  await waitFor(() => expect(bodies).toHaveLength(1));

  await user.click(await screen.findByRole("button", { name: "Check now" }));
  expect(await screen.findByText("2 new nudges")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Check now" }));
  expect(await screen.findByText("1 new nudge")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Check now" }));
  expect(await screen.findByText("No new nudges")).toBeInTheDocument();
  // The cockpit's opening run, then the three clicks; the route takes no body.
  expect(bodies).toEqual(["", "", "", ""]);
});

test("a failed check says why", async () => {
  server.use(
    http.post(`${API}/nudges/generate`, () => HttpResponse.json({ detail: "Database unavailable" }, { status: 503 })),
  );
  const { user } = renderApp("/nudges");
  await user.click(await screen.findByRole("button", { name: "Check now" }));
  expect(await screen.findByText("Not checked: Database unavailable")).toBeInTheDocument();
});

test("an empty inbox says nothing needs attention and how nudges arrive", async () => {
  renderApp("/nudges");
  const inbox = await screen.findByRole("region", { name: "Inbox" });
  expect(await within(inbox).findByText("Nothing needs your attention.")).toBeInTheDocument();
  expect(within(inbox).getByText(/runs them again/)).toBeInTheDocument();
});
