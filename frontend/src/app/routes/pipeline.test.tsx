import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, vi } from "vitest";

import type { Schemas } from "@/lib/api-client";
import { deal, me, pipelineSummary, prospect } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

type Deal = Schemas["AdminDealResponse"];

/** The server's deals; every write's method, id and body is recorded. A PUT to a stage
 * in `refused` is answered 422, as the server refuses a move it cannot make; a PUT is
 * answered once `answer` resolves. */
function serveDeals(deals: Deal[], refused: string[] = [], answer: Promise<void> = Promise.resolve()) {
  const writes: { method: string; id?: string; body: unknown }[] = [];
  let summaryReads = 0;
  server.use(
    http.get(`${API}/me`, () => HttpResponse.json(me({ currency: "EUR" }))),
    http.get(`${API}/deals`, () => HttpResponse.json(deals, { headers: { "X-Total-Count": String(deals.length) } })),
    http.get(`${API}/pipeline/summary`, () => {
      summaryReads += 1;
      return HttpResponse.json(
        pipelineSummary({
          stages: [
            { stage: "discovery", count: 2, value: 15000.5, weighted_value: 1500.05 },
            { stage: "qualification", count: 0, value: 0, weighted_value: 0 },
            { stage: "proposal", count: 1, value: 8000, weighted_value: 3200 },
            { stage: "negotiation", count: 0, value: 0, weighted_value: 0 },
            { stage: "closing", count: 0, value: 0, weighted_value: 0 },
          ],
          open: { count: 3, value: 23000.5, weighted_value: 4700.05 },
          won: { count: 1, value: 5000 },
          lost: { count: 3 },
          win_rate: 0.25,
          average_cycle_days: 41.5,
          forecast: [
            { month: "2026-11", weighted_value: 3200 },
            { month: "2026-12", weighted_value: 1200 },
          ],
          unscheduled_weighted_value: 300.05,
        }),
      );
    }),
    http.get(`${API}/prospects`, () =>
      HttpResponse.json([prospect()], { headers: { "X-Total-Count": "1" } }),
    ),
    http.post(`${API}/deals`, async ({ request }) => {
      const body = (await request.json()) as Schemas["AdminDealCreate"];
      writes.push({ method: "POST", body });
      const created = deal({ ...body, id: 40, probability: body.probability ?? 60 });
      deals.unshift(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put(`${API}/deals/:id`, async ({ request, params }) => {
      const body = (await request.json()) as Schemas["AdminDealUpdate"];
      writes.push({ method: "PUT", id: String(params.id), body });
      await answer;
      if (body.stage && refused.includes(body.stage)) {
        return HttpResponse.json({ detail: "the deal is locked" }, { status: 422 });
      }
      const index = deals.findIndex((item) => item.id === Number(params.id));
      deals[index] = { ...deals[index], ...body } as Deal;
      return HttpResponse.json(deals[index]);
    }),
    http.delete(`${API}/deals/:id`, ({ params }) => {
      writes.push({ method: "DELETE", id: String(params.id), body: null });
      deals.splice(
        deals.findIndex((item) => item.id === Number(params.id)),
        1,
      );
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { writes, summaryReads: () => summaryReads };
}

/** jsdom lays nothing out: each column gets a box side by side, 240 px apart, and what is
 * inside a column sits inside its box, so dnd-kit can tell which column a deal is over. */
function layOutColumns() {
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const column = this.closest("[data-testid^='column-']:not([data-testid$='-figures'])");
    if (!column) return new DOMRect();
    const index = Array.from(column.parentElement?.children ?? []).indexOf(column);
    const isColumn = column === this;
    const left = index * 240 + (isColumn ? 0 : 10);
    const top = isColumn ? 0 : 100;
    const width = isColumn ? 220 : 200;
    const height = isColumn ? 600 : 80;
    return DOMRect.fromRect({ x: left, y: top, width, height });
  });
}

afterEach(() => vi.restoreAllMocks());

const column = (stage: string) => screen.getByTestId(`column-${stage}`);

test("each deal sits in its stage's column, with the server's figures in the profile's currency", async () => {
  serveDeals([
    deal({ id: 31, title: "Acme licence", stage: "discovery", value: 12000, probability: 10 }),
    deal({ id: 32, title: "Beta pilot", stage: "proposal", value: 8000, probability: 40, expected_close_date: null }),
    deal({ id: 33, title: "Gamma renewal", stage: "won", value: 5000, probability: 100 }),
  ]);
  renderApp("/pipeline");
  expect(await within(await screen.findByTestId("column-discovery")).findByRole("heading", { name: "Acme licence" }))
    .toBeInTheDocument();
  expect(within(column("proposal")).getByRole("heading", { name: "Beta pilot" })).toBeInTheDocument();
  expect(within(column("won")).getByRole("heading", { name: "Gamma renewal" })).toBeInTheDocument();
  expect(within(column("discovery")).getByText("€12,000.00")).toBeInTheDocument();
  expect(await within(column("discovery")).findByRole("link", { name: "Ada Lovelace" })).toHaveAttribute(
    "href",
    "/prospects/21",
  );
  expect(await screen.findByTestId("column-discovery-figures")).toHaveTextContent("2 deals · €15,000.50");
  expect(screen.getByTestId("column-proposal-figures")).toHaveTextContent("1 deal · €8,000.00");
  expect(screen.getByTestId("column-won-figures")).toHaveTextContent("1 deal · €5,000.00 in 90 days");
  expect(screen.getByTestId("column-lost-figures")).toHaveTextContent("3 deals in 90 days");
  expect(screen.getByTestId("summary-open-count")).toHaveTextContent("3");
  expect(screen.getByTestId("summary-open-value")).toHaveTextContent("€23,000.50");
  expect(screen.getByTestId("summary-weighted-value")).toHaveTextContent("€4,700.05");
  expect(screen.getByTestId("summary-win-rate")).toHaveTextContent("25%");
  expect(screen.getByTestId("summary-cycle")).toHaveTextContent("41.5 days");
  expect(screen.getByText(/No expected date: €300.05 weighted/)).toBeInTheDocument();
  const forecast = await screen.findByRole("table");
  expect(within(forecast).getAllByRole("row").map((row) => row.textContent)).toEqual([
    "MonthWeighted value",
    "Nov 2026€3,200.00",
    "Dec 2026€1,200.00",
  ]);
  expect(screen.getByRole("figure", { name: "Weighted value by expected close month" })).toBeInTheDocument();
});

test("a forecast with no weighted value in any month is a sentence, not an empty chart", async () => {
  server.use(
    http.get(`${API}/me`, () => HttpResponse.json(me())),
    http.get(`${API}/deals`, () => HttpResponse.json([], { headers: { "X-Total-Count": "0" } })),
    http.get(`${API}/pipeline/summary`, () =>
      HttpResponse.json(
        pipelineSummary({
          forecast: [
            { month: "2026-11", weighted_value: 0 },
            { month: "2026-12", weighted_value: 0 },
            { month: "2027-01", weighted_value: 0 },
          ],
        }),
      ),
    ),
  );
  renderApp("/pipeline");

  expect(await screen.findByText("No open deal is expected to close from Nov 2026 to Jan 2027.")).toBeInTheDocument();
  expect(screen.queryByRole("figure")).not.toBeInTheDocument();
});

test("a deal moves to the next stage by keyboard alone, at once, and the figures are refetched", async () => {
  layOutColumns();
  let answerNow: () => void = () => undefined;
  const answer = new Promise<void>((resolve) => {
    answerNow = resolve;
  });
  const { writes, summaryReads } = serveDeals([deal({ id: 31, title: "Acme licence", stage: "discovery" })], [], answer);
  const { user } = renderApp("/pipeline");
  const handle = await screen.findByRole("button", { name: "Move Acme licence" });
  await waitFor(() => expect(summaryReads()).toBe(1));
  handle.focus();
  await user.keyboard(" ");
  expect(await screen.findByText("Acme licence is over Discovery.")).toBeInTheDocument();
  await user.keyboard("{ArrowRight}");
  expect(await screen.findByText("Acme licence is over Qualification.")).toBeInTheDocument();
  await user.keyboard(" ");
  await waitFor(() => expect(writes).toEqual([{ method: "PUT", id: "31", body: { stage: "qualification" } }]));
  // Moved before the server answers; the column's figures wait for the server.
  expect(within(column("qualification")).getByRole("heading", { name: "Acme licence" })).toBeInTheDocument();
  expect(screen.getByTestId("column-qualification-figures")).toHaveTextContent("0 deals · €0.00");
  answerNow();
  await waitFor(() => expect(summaryReads()).toBe(2));
});

test("a move the server refuses is put back, with its reason", async () => {
  layOutColumns();
  const { writes } = serveDeals([deal({ id: 31, title: "Acme licence", stage: "discovery" })], ["qualification"]);
  const { user } = renderApp("/pipeline");
  (await screen.findByRole("button", { name: "Move Acme licence" })).focus();
  await user.keyboard(" ");
  await screen.findByText("Acme licence is over Discovery.");
  await user.keyboard("{ArrowRight}");
  await screen.findByText("Acme licence is over Qualification.");
  await user.keyboard(" ");
  expect(await screen.findByText("Acme licence was not moved: the deal is locked")).toBeInTheDocument();
  expect(within(column("discovery")).getByRole("heading", { name: "Acme licence" })).toBeInTheDocument();
  expect(within(column("qualification")).queryByRole("heading", { name: "Acme licence" })).toBeNull();
  expect(writes).toEqual([{ method: "PUT", id: "31", body: { stage: "qualification" } }]);
});

test("Escape cancels a keyboard move: nothing is sent", async () => {
  layOutColumns();
  const { writes } = serveDeals([deal({ id: 31, title: "Acme licence", stage: "discovery" })]);
  const { user } = renderApp("/pipeline");
  (await screen.findByRole("button", { name: "Move Acme licence" })).focus();
  await user.keyboard(" ");
  await screen.findByText("Acme licence is over Discovery.");
  await user.keyboard("{ArrowRight}");
  await screen.findByText("Acme licence is over Qualification.");
  await user.keyboard("{Escape}");
  expect(await screen.findByText("Move cancelled: Acme licence stays where it was.")).toBeInTheDocument();
  expect(within(column("discovery")).getByRole("heading", { name: "Acme licence" })).toBeInTheDocument();
  expect(writes).toEqual([]);
});

test("a deal is created for a prospect found by search, edited and deleted", async () => {
  const { writes } = serveDeals([deal({ id: 31, title: "Acme licence", stage: "discovery", probability: 10 })]);
  const { user } = renderApp("/pipeline");
  await user.click(await screen.findByRole("button", { name: "New deal" }));
  const dialog = await screen.findByRole("dialog", { name: "New deal" });
  await user.type(within(dialog).getByLabelText("Title"), "Acme expansion");
  await user.selectOptions(
    within(dialog).getByRole("combobox", { name: "Prospect" }),
    await within(dialog).findByRole("option", { name: "Ada Lovelace (Acme Capital)" }),
  );
  await user.selectOptions(within(dialog).getByLabelText("Stage"), "negotiation");
  await user.type(within(dialog).getByLabelText("Value"), "2500.5");
  await user.type(within(dialog).getByLabelText("Expected close"), "2027-01-15");
  await user.click(within(dialog).getByRole("button", { name: "Create deal" }));
  expect(await within(column("negotiation")).findByRole("heading", { name: "Acme expansion" })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Edit Acme licence" }));
  const edit = await screen.findByRole("dialog", { name: "Edit Acme licence" });
  expect(
    within(edit).getByRole("spinbutton", { name: "Probability (%)", description: "Blank: the stage's default." }),
  ).toHaveValue(10);
  await user.selectOptions(within(edit).getByLabelText("Stage"), "closing");
  expect(within(edit).getByLabelText("Probability (%)")).toHaveValue(null);
  await user.click(within(edit).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

  await user.click(screen.getByRole("button", { name: "Delete Acme expansion" }));
  await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(screen.queryByRole("heading", { name: "Acme expansion" })).toBeNull());
  expect(writes).toEqual([
    {
      method: "POST",
      body: {
        prospect_id: 21,
        title: "Acme expansion",
        stage: "negotiation",
        value: 2500.5,
        expected_close_date: "2027-01-15",
        notes: null,
      },
    },
    {
      method: "PUT",
      id: "31",
      body: { title: "Acme licence", stage: "closing", value: 12000, expected_close_date: "2026-12-15", notes: null },
    },
    { method: "DELETE", id: "40", body: null },
  ]);
});

test("a new deal without a prospect is refused before it is sent", async () => {
  const { writes } = serveDeals([]);
  const { user } = renderApp("/pipeline");
  await user.click(await screen.findByRole("button", { name: "New deal" }));
  const dialog = await screen.findByRole("dialog", { name: "New deal" });
  await user.type(within(dialog).getByLabelText("Title"), "Orphan");
  await user.type(within(dialog).getByLabelText("Value"), "10");
  await user.click(within(dialog).getByRole("button", { name: "Create deal" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("Choose the deal's prospect.");
  expect(writes).toEqual([]);
});
