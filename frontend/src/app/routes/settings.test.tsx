import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";

import { serveProfile } from "@/testing/profile";
import { me } from "@/testing/fixtures";
import { renderApp } from "@/testing/render";
import { API, server } from "@/testing/server";

test("shows the profile's zone; saving another sends it, and the server's answer shows", async () => {
  const { patches } = serveProfile("UTC");
  const { user } = renderApp("/settings");
  expect(await screen.findByTestId("profile-time-zone")).toHaveTextContent("UTC");
  const input = screen.getByRole("combobox", { name: "Time zone" });
  expect(input).toHaveValue("UTC");
  expect(screen.getByRole("button", { name: "Save time zone" })).toBeDisabled();

  await user.clear(input);
  await user.type(input, "Europe/Paris");
  await user.click(screen.getByRole("button", { name: "Save time zone" }));
  await waitFor(() => expect(screen.getByTestId("profile-time-zone")).toHaveTextContent("Europe/Paris"));
  expect(patches).toEqual([{ timezone: "Europe/Paris" }]);
  expect(await screen.findByText("Time zone set to Europe/Paris")).toBeInTheDocument();
});

test("the server judges the name: its refusal shows and the zone stays", async () => {
  const { patches } = serveProfile("UTC");
  const { user } = renderApp("/settings");
  const input = await screen.findByRole("combobox", { name: "Time zone" });
  await user.clear(input);
  await user.type(input, "Mars/Olympus_Mons");
  await user.click(screen.getByRole("button", { name: "Save time zone" }));
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "timezone: Value error, must be an IANA time zone name, e.g. Europe/London",
  );
  expect(patches).toEqual([{ timezone: "Mars/Olympus_Mons" }]);
  expect(screen.getByTestId("profile-time-zone")).toHaveTextContent("UTC");
});

test("the zones to search are the browser's IANA names, UTC among them", async () => {
  serveProfile("UTC");
  renderApp("/settings");
  const input = await screen.findByRole<HTMLInputElement>("combobox", { name: "Time zone" });
  const names = Array.from(input.list?.querySelectorAll("option") ?? [], (option) => option.value);
  expect(names).toEqual(expect.arrayContaining(["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo"]));
  expect(names.filter((name) => name === "UTC")).toHaveLength(1);
});

test("with the browser in another zone, Settings offers it in place (no banner on top)", async () => {
  vi.stubEnv("TZ", "America/New_York");
  const { patches } = serveProfile("UTC");
  const { user } = renderApp("/settings");
  expect(await screen.findByText("America/New_York", { selector: ".offer strong" })).toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "Time zone offer" })).not.toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Use America/New_York" }));
  await waitFor(() => expect(screen.getByTestId("profile-time-zone")).toHaveTextContent("America/New_York"));
  expect(patches).toEqual([{ timezone: "America/New_York" }]);
  expect(screen.queryByRole("button", { name: "Use America/New_York" })).not.toBeInTheDocument();
});

test("no offer when the browser's zone is the profile's under another name", async () => {
  serveProfile("Etc/UTC");
  renderApp("/settings");
  expect(await screen.findByTestId("profile-time-zone")).toHaveTextContent("Etc/UTC");
  expect(screen.queryByRole("button", { name: /^Use / })).not.toBeInTheDocument();
});

test("a profile zone this browser does not know is offered the browser's instead", async () => {
  serveProfile("Mars/Olympus_Mons");
  renderApp("/settings");
  expect(await screen.findByTestId("profile-time-zone")).toHaveTextContent("Mars/Olympus_Mons");
  expect(screen.getByRole("button", { name: "Use UTC" })).toBeInTheDocument();
});

test("the profile's currency: saving another sends its code, and the server's refusal shows", async () => {
  const { patches } = serveProfile("UTC");
  const { user } = renderApp("/settings");
  expect(await screen.findByTestId("profile-currency")).toHaveTextContent("USD");
  const input = screen.getByRole("combobox", {
    name: "Currency",
    description: "An ISO 4217 code, e.g. USD, EUR or GBP.",
  });
  expect(screen.getByRole("button", { name: "Save currency" })).toBeDisabled();
  await user.clear(input);
  await user.type(input, "xyz");
  await user.click(screen.getByRole("button", { name: "Save currency" }));
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "currency: Value error, must be an ISO 4217 currency code, e.g. USD or EUR",
  );
  await user.clear(input);
  await user.type(input, "eur");
  await user.click(screen.getByRole("button", { name: "Save currency" }));
  await waitFor(() => expect(screen.getByTestId("profile-currency")).toHaveTextContent("EUR"));
  expect(await screen.findByText("Currency set to EUR")).toBeInTheDocument();
  expect(patches).toEqual([{ currency: "XYZ" }, { currency: "EUR" }]);
  const saved = screen.getByRole<HTMLInputElement>("combobox", { name: "Currency" });
  expect(saved).toHaveValue("EUR");
  const codes = Array.from(saved.list?.querySelectorAll("option") ?? [], (option) => option.value);
  expect(codes).toEqual(expect.arrayContaining(["USD", "EUR", "JPY"]));
});

test("rest days: ticking Saturday and Sunday sends [6, 7] and the server's answer shows", async () => {
  const patches: unknown[] = [];
  const profile = me();
  server.use(
    http.get(`${API}/me`, () => HttpResponse.json(profile)),
    http.patch(`${API}/me`, async ({ request }) => {
      const body = (await request.json()) as { rest_days: number[] };
      patches.push(body);
      profile.rest_days = body.rest_days;
      return HttpResponse.json(profile);
    }),
  );
  const { user } = renderApp("/settings");
  const days = await screen.findByRole("group", { name: "Rest days" });
  expect(screen.getByRole("button", { name: "Save rest days" })).toBeDisabled();
  await user.click(within(days).getByRole("checkbox", { name: "Sunday" }));
  await user.click(within(days).getByRole("checkbox", { name: "Saturday" }));
  await user.click(screen.getByRole("button", { name: "Save rest days" }));
  await waitFor(() => expect(patches).toEqual([{ rest_days: [6, 7] }]));
  expect(await screen.findByText("Rest days saved")).toBeInTheDocument();
  expect(screen.getByRole("checkbox", { name: "Saturday" })).toBeChecked();
});
