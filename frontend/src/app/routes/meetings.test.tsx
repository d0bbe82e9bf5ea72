import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import type { Schemas } from "@/lib/api-client";
import { meeting } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

type Meeting = Schemas["AdminMeetingResponse"];

const DEMO_DRAFT: Schemas["AdminMeetingDraft"] = {
  title: "Product demo",
  type: "demo",
  duration_minutes: 60,
  agenda: "1. Recap of the pains\n2. Demo",
  questions: "Which part would you use first?",
  follow_up_tasks: "Send the recording",
};
const CLOSING_DRAFT: Schemas["AdminMeetingDraft"] = {
  title: "Closing call",
  type: "closing",
  duration_minutes: 30,
  agenda: "Walk through the agreement",
  questions: null,
  follow_up_tasks: "Send the contract",
};

/** The server's templates, newest first; every write's method, id and body is recorded. */
function serveMeetings(meetings: Meeting[]) {
  const writes: { method: string; id?: string; body: unknown }[] = [];
  server.use(
    http.get(`${API}/meetings`, () => HttpResponse.json(meetings)),
    http.get(`${API}/meetings/defaults`, () => HttpResponse.json([DEMO_DRAFT, CLOSING_DRAFT])),
    http.post(`${API}/meetings`, async ({ request }) => {
      const body = (await request.json()) as Schemas["AdminMeetingCreate"];
      writes.push({ method: "POST", body });
      const created = meeting({ agenda: null, questions: null, follow_up_tasks: null, ...body, id: 20 + writes.length });
      meetings.unshift(created);
      return HttpResponse.json(created, { status: 201 });
    }),
    http.put(`${API}/meetings/:id`, async ({ request, params }) => {
      const body = (await request.json()) as Schemas["AdminMeetingUpdate"];
      writes.push({ method: "PUT", id: String(params.id), body });
      const index = meetings.findIndex((item) => item.id === Number(params.id));
      meetings[index] = { ...meetings[index], ...body } as Meeting;
      return HttpResponse.json(meetings[index]);
    }),
    http.delete(`${API}/meetings/:id`, ({ params }) => {
      writes.push({ method: "DELETE", id: String(params.id), body: null });
      meetings.splice(
        meetings.findIndex((item) => item.id === Number(params.id)),
        1,
      );
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return writes;
}

async function templates() {
  const list = await screen.findByRole("list", { name: "Meeting templates" });
  return within(list).getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
}

test("lists the server's templates with their type, length and texts", async () => {
  serveMeetings([meeting(), meeting({ id: 12, title: "Board demo", type: "demo", duration_minutes: 90, agenda: null })]);
  const { user } = renderApp("/meetings");
  expect(await templates()).toEqual(["Discovery call", "Board demo"]);
  const discovery = screen.getByRole("heading", { name: "Discovery call" }).closest("li") as HTMLElement;
  expect(within(discovery).getByText("Discovery")).toBeInTheDocument();
  expect(within(discovery).getByText("45 min")).toBeInTheDocument();
  await user.click(within(discovery).getByText("Show agenda, questions"));
  expect(within(discovery).getByText(/1\. Introductions/)).toHaveTextContent("1. Introductions 2. Their deal process");
  expect(within(discovery).getByText("How do you find deals today?")).toBeVisible();
  const demo = screen.getByRole("heading", { name: "Board demo" }).closest("li") as HTMLElement;
  expect(within(demo).getByText("90 min")).toBeInTheDocument();
  expect(within(demo).getByText("Show questions")).toBeInTheDocument();
});

test("a template created from the demo default posts the default with the founder's edits", async () => {
  const writes = serveMeetings([meeting()]);
  const { user } = renderApp("/meetings");
  await user.click(await screen.findByRole("button", { name: "New template" }));
  const dialog = await screen.findByRole("dialog", { name: "New meeting template" });
  const start = within(dialog).getByLabelText("Start from");
  await within(dialog).findByRole("option", { name: "Default: Product demo" });
  await user.selectOptions(start, "demo");
  expect(within(dialog).getByLabelText("Title")).toHaveValue("Product demo");
  expect(within(dialog).getByLabelText("Agenda")).toHaveValue("1. Recap of the pains\n2. Demo");
  await user.clear(within(dialog).getByLabelText("Title"));
  await user.type(within(dialog).getByLabelText("Title"), "Demo for funds");
  await user.clear(within(dialog).getByLabelText("Minutes"));
  await user.type(within(dialog).getByLabelText("Minutes"), "75");
  await user.click(within(dialog).getByRole("button", { name: "Create template" }));

  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(writes).toEqual([
    {
      method: "POST",
      body: {
        title: "Demo for funds",
        type: "demo",
        duration_minutes: 75,
        agenda: "1. Recap of the pains\n2. Demo",
        questions: "Which part would you use first?",
        follow_up_tasks: "Send the recording",
      },
    },
  ]);
  expect(await templates()).toEqual(["Demo for funds", "Discovery call"]);
  expect(screen.getByText("Created: Demo for funds")).toBeInTheDocument();
});

test("a blank template posts what was typed, and empty texts as null", async () => {
  const writes = serveMeetings([]);
  const { user } = renderApp("/meetings");
  expect(await screen.findByText("No meeting templates yet.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "New template" }));
  const dialog = await screen.findByRole("dialog", { name: "New meeting template" });
  await user.type(within(dialog).getByLabelText("Title"), "Price talk");
  await user.selectOptions(within(dialog).getByLabelText("Type"), "negotiation");
  await user.type(within(dialog).getByLabelText("Follow-up tasks"), "Send the revised proposal");
  await user.click(within(dialog).getByRole("button", { name: "Create template" }));

  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(writes).toEqual([
    {
      method: "POST",
      body: {
        title: "Price talk",
        type: "negotiation",
        duration_minutes: 60,
        agenda: null,
        questions: null,
        follow_up_tasks: "Send the revised proposal",
      },
    },
  ]);
  expect(await templates()).toEqual(["Price talk"]);
});

test("the form shows the server's refusal and stays open", async () => {
  serveMeetings([]);
  server.use(
    http.post(`${API}/meetings`, () =>
      HttpResponse.json(
        { detail: [{ type: "less_than_equal", loc: ["body", "duration_minutes"], msg: "Input should be less than or equal to 480" }] },
        { status: 422 },
      ),
    ),
  );
  const { user } = renderApp("/meetings");
  await user.click(await screen.findByRole("button", { name: "New template" }));
  const dialog = await screen.findByRole("dialog");
  await user.type(within(dialog).getByLabelText("Title"), "Offsite");
  await user.click(within(dialog).getByRole("button", { name: "Create template" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "duration_minutes: Input should be less than or equal to 480",
  );
});

test("editing puts every field, a cleared text as null", async () => {
  const writes = serveMeetings([meeting()]);
  const { user } = renderApp("/meetings");
  await user.click(await screen.findByRole("button", { name: "Edit Discovery call" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit Discovery call" });
  expect(within(dialog).getByLabelText("Minutes")).toHaveValue(45);
  await user.clear(within(dialog).getByLabelText("Questions"));
  await user.selectOptions(within(dialog).getByLabelText("Type"), "closing");
  await user.click(within(dialog).getByRole("button", { name: "Save" }));

  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(writes).toEqual([
    {
      method: "PUT",
      id: "11",
      body: {
        title: "Discovery call",
        type: "closing",
        duration_minutes: 45,
        agenda: "1. Introductions\n2. Their deal process",
        questions: null,
        follow_up_tasks: null,
      },
    },
  ]);
  expect(await screen.findByText("Closing")).toBeInTheDocument();
});

test("deleting asks first; cancelled, nothing is sent", async () => {
  const writes = serveMeetings([meeting(), meeting({ id: 12, title: "Board demo", type: "demo" })]);
  const { user } = renderApp("/meetings");
  await user.click(await screen.findByRole("button", { name: "Delete Board demo" }));
  let confirm = await screen.findByRole("alertdialog", { name: "Delete “Board demo”?" });
  await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
  expect(writes).toEqual([]);

  await user.click(screen.getByRole("button", { name: "Delete Board demo" }));
  confirm = await screen.findByRole("alertdialog");
  await user.click(within(confirm).getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(screen.queryByRole("heading", { name: "Board demo" })).not.toBeInTheDocument());
  expect(writes).toEqual([{ method: "DELETE", id: "12", body: null }]);
  expect(await templates()).toEqual(["Discovery call"]);
});

test("when the defaults cannot load, a blank template still can be made", async () => {
  serveMeetings([]);
  server.use(http.get(`${API}/meetings/defaults`, () => HttpResponse.json({ detail: "Not Found" }, { status: 404 })));
  const { user } = renderApp("/meetings");
  await user.click(await screen.findByRole("button", { name: "New template" }));
  const dialog = await screen.findByRole("dialog");
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("Could not load the defaults: Not Found");
  expect(within(dialog).getByRole("option", { name: "A blank template" })).toBeInTheDocument();
  expect(within(dialog).getByLabelText("Title")).toHaveValue("");
});
