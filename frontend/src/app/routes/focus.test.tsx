import { act, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import { activeFocus, focusStats } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

test("starting picks 50 minutes by default and the other lengths on request", async () => {
  const started: unknown[] = [];
  server.use(
    http.post(`${API}/focus-sessions`, async ({ request }) => {
      started.push(await request.json());
      return HttpResponse.json(activeFocus(), { status: 201 });
    }),
  );
  const { user } = renderApp("/focus");
  const lengths = await screen.findAllByRole("button", { name: /^Start \d+ min$/ });
  expect(lengths.map((button) => button.textContent)).toEqual(["Start 15 min", "Start 25 min", "Start 50 min", "Start 90 min"]);
  expect(screen.getByRole("button", { name: "Start 50 min" })).toHaveClass("button", { exact: true });
  await user.click(screen.getByRole("button", { name: "Start 50 min" }));
  await user.click(screen.getByRole("button", { name: "Start 90 min" }));
  await waitFor(() => expect(started).toEqual([{ duration_minutes: 50 }, { duration_minutes: 90 }]));
});

test("the countdown runs from the server's remaining seconds", async () => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
  vi.setSystemTime(new Date("2026-11-25T14:00:10Z"));
  server.use(http.get(`${API}/focus-sessions/active`, () => HttpResponse.json(activeFocus({ remaining_seconds: 2990 }))));
  renderApp("/focus");
  // The browser's clock says nothing about the session: only the server's 2990 s count.
  expect(await screen.findByRole("timer", {}, { timeout: 3000 })).toHaveTextContent("49:50");
  act(() => {
    vi.advanceTimersByTime(65_000);
  });
  expect(screen.getByRole("timer")).toHaveTextContent("48:45");
  vi.useRealTimers();
});

test("complete and interrupt send the notes and end the session", async () => {
  const ended: { path: string; body: unknown }[] = [];
  let open = true;
  server.use(
    http.get(`${API}/focus-sessions/active`, () => HttpResponse.json(open ? activeFocus() : null)),
    http.put(`${API}/focus-sessions/:id/:ending`, async ({ params, request }) => {
      ended.push({ path: `${String(params.id)}/${String(params.ending)}`, body: await request.json() });
      open = false;
      return HttpResponse.json(activeFocus({ completed: params.ending === "complete" }));
    }),
  );
  const { user } = renderApp("/focus");
  await user.type(await screen.findByLabelText("Notes (optional)"), "Wrote the proposal");
  await user.click(screen.getByRole("button", { name: "Complete" }));
  expect(await screen.findByRole("button", { name: "Start 50 min" })).toBeInTheDocument();
  expect(ended).toEqual([{ path: "7/complete", body: { notes: "Wrote the proposal" } }]);

  open = true;
  server.use(http.get(`${API}/focus-sessions/active`, () => HttpResponse.json(open ? activeFocus({ id: 8 }) : null)));
  await screen.findByRole("button", { name: "Start 50 min" });
});

test("an interrupted session without notes sends null notes", async () => {
  const ended: unknown[] = [];
  server.use(
    http.get(`${API}/focus-sessions/active`, () => HttpResponse.json(ended.length ? null : activeFocus({ id: 8 }))),
    http.put(`${API}/focus-sessions/8/interrupt`, async ({ request }) => {
      ended.push(await request.json());
      return HttpResponse.json(activeFocus({ id: 8, interrupted: true }));
    }),
  );
  const { user } = renderApp("/focus");
  await user.click(await screen.findByRole("button", { name: "Interrupt" }));
  await waitFor(() => expect(ended).toEqual([{ notes: null }]));
});

test("an overdue session says time is up and asks to be ended", async () => {
  server.use(
    http.get(`${API}/focus-sessions/active`, () =>
      HttpResponse.json(activeFocus({ remaining_seconds: 0, overdue: true })),
    ),
  );
  renderApp("/focus");
  expect(await screen.findByRole("timer")).toHaveTextContent("Time's up");
  expect(screen.getByText(/Overdue: complete it/)).toBeInTheDocument();
});

test("a refused start is reported, not swallowed", async () => {
  server.use(
    http.post(`${API}/focus-sessions`, () =>
      HttpResponse.json({ detail: "another focus session is still open" }, { status: 409 }),
    ),
  );
  const { user } = renderApp("/focus");
  await user.click(await screen.findByRole("button", { name: "Start 25 min" }));
  expect(await screen.findByText("Not started: another focus session is still open")).toBeInTheDocument();
});

test("past sessions list the latest with their outcome", async () => {
  server.use(
    http.get(`${API}/focus-sessions`, () =>
      HttpResponse.json(
        [
          activeFocus({ id: 9, completed: true, end_time: "2026-11-25T14:50:00Z", notes: "Deck" }),
          activeFocus({ id: 8, interrupted: true, duration_minutes: 25, start_time: "2026-11-24T09:00:00Z" }),
        ],
        { headers: { "X-Total-Count": "12" } },
      ),
    ),
  );
  renderApp("/focus");
  expect(await screen.findByText("12 in all")).toBeInTheDocument();
  const items = screen.getAllByRole("listitem").filter((item) => item.closest(".session-list"));
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringMatching(/14:00.*50 min.*completed.*Deck/),
    expect.stringMatching(/09:00.*25 min.*interrupted/),
  ]);
});

test("Today shows the open session's countdown and links to it", async () => {
  server.use(
    http.get(`${API}/dashboard`, async () => {
      const { dashboard } = await import("@/testing/fixtures");
      return HttpResponse.json(dashboard({ active_focus_session: activeFocus({ remaining_seconds: 600 }) }));
    }),
  );
  renderApp("/");
  expect(await screen.findByRole("timer")).toHaveTextContent(/^(10:00|09:59)$/);
  expect(screen.getByRole("link", { name: "Open the session" })).toHaveAttribute("href", "/focus");
});

test("this week's focused minutes are the server's", async () => {
  server.use(
    http.get(`${API}/focus-sessions/stats`, () =>
      HttpResponse.json(focusStats({ sessions: 3, completed: 2, interrupted: 1, focused_minutes: 117 })),
    ),
  );
  renderApp("/focus");
  const week = await screen.findByRole("region", { name: "This week" });
  expect(await within(week).findByText(/focused minutes in 3 sessions/)).toHaveTextContent(
    "117 focused minutes in 3 sessions (2 completed, 1 interrupted)",
  );
});
