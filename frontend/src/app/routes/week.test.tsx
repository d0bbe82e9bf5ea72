import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import { dayScore, goal, WEEK_START, weekProgress } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

// Whole pages with a chart library loaded on first use: slow on a machine running other suites.
vi.setConfig({ testTimeout: 30_000 });

type Progress = ReturnType<typeof weekProgress>;

/** The week's progress with a goal (id 4): discovery 10 (2 done), email 20 (20 done),
 * video 0, call 7 (3 done), on the Wednesday: 3 of 7 days gone, so the pace is target × 3/7. */
const WITH_GOAL: Progress = weekProgress({
  goal_id: 4,
  types: [
    { type: "discovery", target: 10, done: 2, remaining: 8, percent: 20, expected_by_today: 4.29 },
    { type: "email", target: 20, done: 20, remaining: 0, percent: 100, expected_by_today: 8.57 },
    { type: "video", target: 0, done: 0, remaining: 0, percent: 0, expected_by_today: 0 },
    { type: "call", target: 7, done: 3, remaining: 4, percent: 42, expected_by_today: 3 },
  ],
});

const WEEK_SCORES = [
  dayScore("2026-11-23", 40, 1, 3),
  dayScore("2026-11-24", 0),
  dayScore("2026-11-25", 65, 1, 4),
  dayScore("2026-11-26"),
  dayScore("2026-11-27"),
  dayScore("2026-11-28"),
  dayScore("2026-11-29"),
];

/** Each request's `week_start` (null when unset), per route. */
function serveWeeks(progressOf: (weekStart: string | null) => Progress) {
  const asked = { progress: [] as (string | null)[], scores: [] as (string | null)[] };
  server.use(
    http.get(`${API}/progress/week`, ({ request }) => {
      const weekStart = new URL(request.url).searchParams.get("week_start");
      asked.progress.push(weekStart);
      return HttpResponse.json(progressOf(weekStart));
    }),
    http.get(`${API}/scores/week`, ({ request }) => {
      const weekStart = new URL(request.url).searchParams.get("week_start");
      asked.scores.push(weekStart);
      return HttpResponse.json(weekStart === WEEK_START ? WEEK_SCORES : []);
    }),
  );
  return asked;
}

test("shows this week's targets, done counts with the pace, and each day's score", async () => {
  const asked = serveWeeks(() => WITH_GOAL);
  renderApp("/week");

  expect(await screen.findByTestId("goal-discovery")).toHaveTextContent("10");
  expect(screen.getByTestId("goal-email")).toHaveTextContent("20");
  expect(screen.getByTestId("goal-video")).toHaveTextContent("0");
  expect(screen.getByTestId("goal-call")).toHaveTextContent("7");
  const discovery = screen.getByRole("progressbar", { name: "Discovery meetings: 2 of 10" });
  expect(discovery).toHaveAttribute("aria-valuetext", "20%, 4.29 expected by today");
  expect(screen.getByRole("progressbar", { name: "Calls: 3 of 7" })).toHaveAttribute("aria-valuenow", "42");

  // The chart's code loads on first use: a while on a busy machine.
  const chart = await screen.findByRole("img", { name: /^Daily scores, week of Monday, (23 November|November 23)$/ }, { timeout: 15_000 });
  expect(chart).toBeInTheDocument();
  const table = screen.getByRole("table", { name: /^Daily scores, week of/ });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent))).toEqual([
    ["40", "3", "1"],
    ["0", "0", "0"],
    ["65", "4", "1"],
    ["0", "0", "0"],
    ["0", "0", "0"],
    ["0", "0", "0"],
    ["0", "0", "0"],
  ]);
  expect(asked).toEqual({ progress: [null], scores: [WEEK_START] });
});

test("a week without a goal gets one for the server's week_start", async () => {
  let current: Progress = weekProgress();
  const posted: unknown[] = [];
  serveWeeks(() => current);
  server.use(
    http.post(`${API}/goals`, async ({ request }) => {
      posted.push(await request.json());
      current = weekProgress({
        goal_id: 9,
        types: [
          { type: "discovery", target: 5, done: 0, remaining: 5, percent: 0, expected_by_today: 2.14 },
          { type: "email", target: 20, done: 0, remaining: 20, percent: 0, expected_by_today: 8.57 },
          { type: "video", target: 2, done: 0, remaining: 2, percent: 0, expected_by_today: 0.86 },
          { type: "call", target: 10, done: 0, remaining: 10, percent: 0, expected_by_today: 4.29 },
        ],
      });
      return HttpResponse.json(goal({ id: 9, target_discoveries: 5, target_emails: 20, target_videos: 2, target_calls: 10 }), {
        status: 201,
      });
    }),
  );
  const { user } = renderApp("/week");

  expect(await screen.findByText(/No goal for the week of Monday, (23 November|November 23) yet/)).toBeInTheDocument();
  expect(screen.getByText("Set the week's targets to follow its progress.")).toBeInTheDocument();
  for (const [label, value] of [
    ["Discovery meetings", "5"],
    ["Emails", "20"],
    ["Videos", "2"],
    ["Calls", "10"],
  ] as const) {
    await user.clear(screen.getByLabelText(label));
    await user.type(screen.getByLabelText(label), value);
  }
  await user.click(screen.getByRole("button", { name: "Set goal" }));

  expect(await screen.findByTestId("goal-email")).toHaveTextContent("20");
  expect(screen.getByRole("progressbar", { name: "Calls: 0 of 10" })).toBeInTheDocument();
  expect(posted).toEqual([
    { week_start: WEEK_START, target_discoveries: 5, target_emails: 20, target_videos: 2, target_calls: 10 },
  ]);
});

test("editing the targets puts all four and shows the server's new goal", async () => {
  let current = WITH_GOAL;
  const put: { id: string; body: unknown }[] = [];
  serveWeeks(() => current);
  server.use(
    http.put(`${API}/goals/:id`, async ({ request, params }) => {
      put.push({ id: String(params.id), body: await request.json() });
      current = weekProgress({
        goal_id: 4,
        types: WITH_GOAL.types.map((entry) =>
          entry.type === "call" ? { ...entry, target: 12, remaining: 9, percent: 25, expected_by_today: 5.14 } : entry,
        ),
      });
      return HttpResponse.json(goal({ target_discoveries: 10, target_emails: 20, target_calls: 12 }));
    }),
  );
  const { user } = renderApp("/week");

  await user.click(await screen.findByRole("button", { name: "Edit targets" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit the week's targets" });
  expect(within(dialog).getByLabelText("Discovery meetings")).toHaveValue(10);
  await user.clear(within(dialog).getByLabelText("Calls"));
  await user.type(within(dialog).getByLabelText("Calls"), "12");
  await user.click(within(dialog).getByRole("button", { name: "Save targets" }));

  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(await screen.findByRole("progressbar", { name: "Calls: 3 of 12" })).toHaveAttribute("aria-valuenow", "25");
  expect(screen.getByTestId("goal-call")).toHaveTextContent("12");
  expect(put).toEqual([
    { id: "4", body: { target_discoveries: 10, target_emails: 20, target_videos: 0, target_calls: 12 } },
  ]);
});

test("the server's refusal of a target shows in the dialog, which stays open", async () => {
  serveWeeks(() => WITH_GOAL);
  server.use(
    http.put(`${API}/goals/:id`, () =>
      HttpResponse.json(
        {
          detail: [
            { type: "less_than_equal", loc: ["body", "target_calls"], msg: "Input should be less than or equal to 100000" },
          ],
        },
        { status: 422 },
      ),
    ),
  );
  const { user } = renderApp("/week");
  await user.click(await screen.findByRole("button", { name: "Edit targets" }));
  const dialog = await screen.findByRole("dialog");
  await user.click(within(dialog).getByRole("button", { name: "Save targets" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "target_calls: Input should be less than or equal to 100000",
  );
});

test("previous and next step a week from the server's week_start", async () => {
  const asked = serveWeeks((weekStart) => weekProgress({ week_start: weekStart ?? WEEK_START }));
  const { user } = renderApp("/week");

  await user.click(await screen.findByRole("link", { name: "Previous week" }));
  expect(await screen.findByText(/^Monday, (16 November|November 16) to Sunday, (22 November|November 22)$/)).toBeInTheDocument();
  await user.click(screen.getByRole("link", { name: "Next week" }));
  await user.click(await screen.findByRole("link", { name: "Next week" }));
  expect(await screen.findByText(/^Monday, (30 November|November 30) to Sunday, (6 December|December 6)$/)).toBeInTheDocument();
  await user.click(screen.getByRole("link", { name: "This week" }));
  expect(await screen.findByText(/^Monday, (23 November|November 23) to/)).toBeInTheDocument();

  // Back to this week: the answer is still in the cache.
  await waitFor(() => expect(asked.progress).toEqual([null, "2026-11-16", WEEK_START, "2026-11-30"]));
  await waitFor(() => expect(asked.scores).toEqual([WEEK_START, "2026-11-16", "2026-11-30"]), { timeout: 15_000 });
});

test("a goal carried over from an earlier week is edited into this week's own, never in place", async () => {
  serveWeeks(() => ({ ...WITH_GOAL, inherited: true }));
  const posted: unknown[] = [];
  const put: unknown[] = [];
  server.use(
    http.post(`${API}/goals`, async ({ request }) => {
      posted.push(await request.json());
      return HttpResponse.json(goal({ id: 9, week_start: WEEK_START }), { status: 201 });
    }),
    http.put(`${API}/goals/:id`, async ({ request }) => {
      put.push(await request.json());
      return HttpResponse.json(goal());
    }),
  );
  const { user } = renderApp("/week");

  expect(await screen.findByTestId("goal-inherited")).toHaveTextContent("Carried over from an earlier week");
  await user.click(screen.getByRole("button", { name: "Edit targets" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit the week's targets" });
  await user.clear(within(dialog).getByLabelText("Calls"));
  await user.type(within(dialog).getByLabelText("Calls"), "9");
  await user.click(within(dialog).getByRole("button", { name: "Save targets" }));

  await waitFor(() => expect(posted).toHaveLength(1));
  expect(posted).toEqual([
    { week_start: WEEK_START, target_discoveries: 10, target_emails: 20, target_videos: 0, target_calls: 9 },
  ]);
  expect(put).toEqual([]);
});
