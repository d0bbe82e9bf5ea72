import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import { addDays } from "@/lib/dates";
import { activity, dayScore, TODAY } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

// Whole pages with a chart library loaded on first use: slow on a machine running other suites.
vi.setConfig({ testTimeout: 30_000 });

/** The server's default history: the 365 days ending today, zeros but for the last two. */
function year() {
  const days = Array.from({ length: 365 }, (_, n) => dayScore(addDays("2025-11-26", n)));
  days[363] = dayScore("2026-11-24", 15, 2, 1);
  days[364] = dayScore(TODAY, 30, 3, 2);
  return days;
}

/** Serves `total` activities (ids total..1, newest first) a page at a time, as the
 * server would for any filter, and records each request's query string. */
function serveLog(total: number) {
  const queries: string[] = [];
  server.use(
    http.get(`${API}/activities`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      queries.push(params.toString());
      const offset = Number(params.get("offset"));
      const limit = Number(params.get("limit"));
      const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, n) => total - offset - n);
      return HttpResponse.json(
        ids.map((id) => activity({ id, type: params.get("type") === "email" ? "email" : "call", notes: `#${id}` })),
        { headers: { "X-Total-Count": String(total) } },
      );
    }),
  );
  return queries;
}

function serveYear() {
  const queries: string[] = [];
  server.use(
    http.get(`${API}/scores/history`, ({ request }) => {
      queries.push(new URL(request.url).searchParams.toString());
      return HttpResponse.json(year());
    }),
    http.get(`${API}/scores/streak`, () =>
      HttpResponse.json({ current_streak: 3, longest_streak: 12, last_active_date: TODAY }),
    ),
  );
  return queries;
}

test("the heatmap has a cell per day naming its date and score, and the streaks show", async () => {
  const queries = serveYear();
  serveLog(0);
  renderApp("/history");

  expect(await screen.findByTestId("current-streak")).toHaveTextContent("3 days");
  expect(screen.getByTestId("longest-streak")).toHaveTextContent("12 days");
  // Role queries over 365 cells are slow in jsdom: the cells are found by their date.
  // The heatmap's code loads on first use: a while on a busy machine.
  await waitFor(() => expect(document.querySelectorAll("rect[data-date]")).toHaveLength(365), { timeout: 15_000 });
  const cells = Array.from(document.querySelectorAll<SVGRectElement>("rect[data-date]"));
  const named = (day: string) => cells.find((cell) => cell.dataset.date === day);
  expect(cells).toHaveLength(365);
  expect(named(TODAY)).toHaveAttribute("role", "img");
  expect(named(TODAY)).toHaveAccessibleName(/^Wednesday, (25 November 2026|November 25, 2026): score 30$/);
  expect(named("2026-11-24")).toHaveAccessibleName(/(24 November 2026|November 24, 2026): score 15$/);
  expect(named("2025-11-26")).toHaveAccessibleName(/(26 November 2025|November 26, 2025): score 0$/);
  expect(cells.filter((cell) => cell.getAttribute("aria-label")?.endsWith(": score 0"))).toHaveLength(363);
  const frame = document.querySelector(".heatmap");
  expect(frame).toHaveAttribute("role", "region");
  expect(frame).toHaveAccessibleName("Daily scores, one cell a day");
  expect(frame).toHaveAttribute("tabindex", "0"); // it scrolls sideways on a phone: by keyboard too
  expect(queries).toEqual([""]); // the server's default range: the year ending its today
});

test("the log pages by 25 with the server's total", async () => {
  serveYear();
  const queries = serveLog(60);
  const { user } = renderApp("/history");

  expect(await screen.findByTestId("log-range")).toHaveTextContent("1–25 of 60");
  const log = screen.getByRole("list", { name: "Activities, newest first" });
  expect(within(log).getAllByRole("listitem")).toHaveLength(25);
  expect(within(log).getAllByRole("listitem")[0]).toHaveTextContent("#60");
  expect(screen.getByRole("button", { name: "Previous page" })).toBeDisabled();

  await user.click(screen.getByRole("button", { name: "Next page" }));
  await waitFor(() => expect(screen.getByTestId("log-range")).toHaveTextContent("26–50 of 60"));
  await user.click(screen.getByRole("button", { name: "Next page" }));
  await waitFor(() => expect(screen.getByTestId("log-range")).toHaveTextContent("51–60 of 60"));
  expect(within(log).getAllByRole("listitem")).toHaveLength(10);
  expect(screen.getByRole("button", { name: "Next page" })).toBeDisabled();
  await user.click(screen.getByRole("button", { name: "Previous page" }));
  await waitFor(() => expect(screen.getByTestId("log-range")).toHaveTextContent("26–50 of 60"));

  expect(queries).toEqual(["limit=25&offset=0", "limit=25&offset=25", "limit=25&offset=50"]);
});

test("each filter goes to the server and starts again from the first page", async () => {
  serveYear();
  const queries = serveLog(30);
  const { user } = renderApp("/history");
  await user.click(await screen.findByRole("button", { name: "Next page" }));
  await waitFor(() => expect(screen.getByTestId("log-range")).toHaveTextContent("26–30 of 30"));

  const filters = screen.getByRole("search", { name: "Filter the log" });
  await user.selectOptions(within(filters).getByLabelText("Type"), "email");
  await waitFor(() => expect(screen.getByTestId("log-range")).toHaveTextContent("1–25 of 30"));
  expect(screen.getAllByText("Email")).not.toHaveLength(0);
  await user.selectOptions(within(filters).getByLabelText("Status"), "pending");
  await user.type(within(filters).getByLabelText("From"), "2026-11-01");
  await user.type(within(filters).getByLabelText("To"), "2026-11-25");
  await user.selectOptions(within(filters).getByLabelText("Type"), "");

  await waitFor(() =>
    expect(queries.at(-1)).toBe("status=pending&date_from=2026-11-01&date_to=2026-11-25&limit=25&offset=0"),
  );
  expect(queries.slice(0, 4)).toEqual([
    "limit=25&offset=0",
    "limit=25&offset=25",
    "type=email&limit=25&offset=0",
    "type=email&status=pending&limit=25&offset=0",
  ]);
});

test("an empty log says so, and a refused filter shows the server's reason", async () => {
  serveYear();
  server.use(
    http.get(`${API}/activities`, ({ request }) =>
      new URL(request.url).searchParams.has("date_to")
        ? HttpResponse.json(
            { detail: [{ type: "value_error", loc: ["query", "date_to"], msg: "must be on or after date_from" }] },
            { status: 422 },
          )
        : HttpResponse.json([], { headers: { "X-Total-Count": "0" } }),
    ),
  );
  const { user } = renderApp("/history");
  expect(await screen.findByText("No activities match.")).toBeInTheDocument();
  expect(screen.getByTestId("log-range")).toHaveTextContent("0 of 0");

  await user.type(screen.getByLabelText("From"), "2026-11-20");
  await user.type(screen.getByLabelText("To"), "2026-11-10");
  expect(await screen.findByRole("alert")).toHaveTextContent("query.date_to: must be on or after date_from");
});

test("the exports fetch the server's CSV (with the log's filters) and save it as a file", async () => {
  serveYear();
  serveLog(3);
  const exported: { path: string; query: string; auth: string | null }[] = [];
  const csv = "date,score,streak_days,activities_count\r\n2026-11-25,30,3,2\r\n";
  server.use(
    http.get(`${API}/:kind/export.csv`, ({ request, params }) => {
      exported.push({
        path: String(params.kind),
        query: new URL(request.url).searchParams.toString(),
        auth: request.headers.get("Authorization"),
      });
      return new HttpResponse(csv, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
    }),
  );
  const saved: { name: string; size: number }[] = [];
  URL.createObjectURL = (blob: Blob) => {
    saved.push({ name: "", size: blob.size });
    return "blob:test";
  };
  URL.revokeObjectURL = () => undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const last = saved.at(-1);
    if (last) last.name = this.download;
  });
  const { user } = renderApp("/history");

  await user.selectOptions(await screen.findByLabelText("Type"), "email");
  await user.click(screen.getByRole("button", { name: "Export these activities (CSV)" }));
  await user.click(await screen.findByRole("button", { name: "Export daily scores (CSV)" }));

  await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
  expect(exported).toEqual([
    { path: "activities", query: "type=email", auth: "Bearer dev-token-1" },
    { path: "scores", query: "", auth: "Bearer dev-token-1" },
  ]);
  expect(saved).toEqual([
    { name: "activities.csv", size: csv.length },
    { name: "scores.csv", size: csv.length },
  ]);
});
