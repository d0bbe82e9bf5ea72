import { screen, waitFor, within } from "@testing-library/react";

import { serveProfile } from "@/testing/profile";
import { renderApp } from "@/testing/render";

test("a banner offers the browser's zone; taking it sets the profile's and refetches today's figures", async () => {
  vi.stubEnv("TZ", "America/New_York");
  const { patches, dashboardReads } = serveProfile("UTC");
  const { user } = renderApp("/");
  const banner = await screen.findByRole("region", { name: "Time zone offer" });
  expect(banner).toHaveTextContent("Your browser is in America/New_York; the cockpit counts your days in UTC.");
  await screen.findByTestId("today-score");
  const before = dashboardReads();

  await user.click(within(banner).getByRole("button", { name: "Use America/New_York" }));
  await waitFor(() => expect(screen.queryByRole("region", { name: "Time zone offer" })).not.toBeInTheDocument());
  expect(patches).toEqual([{ timezone: "America/New_York" }]);
  await waitFor(() => expect(dashboardReads()).toBeGreaterThan(before));
  expect(await screen.findByText(/· America\/New_York$/)).toBeInTheDocument();
});

test("dismissed, the banner stays away on this device until the browser is in yet another zone", async () => {
  vi.stubEnv("TZ", "America/New_York");
  const { patches } = serveProfile("UTC");
  const first = renderApp("/nudges");
  const banner = await screen.findByRole("region", { name: "Time zone offer" });
  await first.user.click(within(banner).getByRole("button", { name: "Dismiss the time zone offer" }));
  expect(screen.queryByRole("region", { name: "Time zone offer" })).not.toBeInTheDocument();
  first.unmount();

  renderApp("/");
  expect(await screen.findByText(/· UTC$/)).toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "Time zone offer" })).not.toBeInTheDocument();
  expect(patches).toEqual([]);
});

test("a browser in yet another zone is offered again after a dismissal", async () => {
  vi.stubEnv("TZ", "America/New_York");
  serveProfile("UTC");
  const first = renderApp("/");
  const banner = await screen.findByRole("region", { name: "Time zone offer" });
  await first.user.click(within(banner).getByRole("button", { name: "Dismiss the time zone offer" }));
  first.unmount();

  vi.stubEnv("TZ", "Europe/Paris");
  renderApp("/");
  expect(await screen.findByRole("region", { name: "Time zone offer" })).toHaveTextContent("Your browser is in Europe/Paris");
});

test("no banner when the browser is in the profile's zone", async () => {
  serveProfile("UTC");
  renderApp("/");
  expect(await screen.findByText(/· UTC$/)).toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "Time zone offer" })).not.toBeInTheDocument();
});

test("a zone the server refuses is said so, and the banner stays", async () => {
  vi.stubEnv("TZ", "America/New_York");
  const { patches } = serveProfile("UTC", ["UTC"]);
  const { user } = renderApp("/");
  const banner = await screen.findByRole("region", { name: "Time zone offer" });
  await user.click(within(banner).getByRole("button", { name: "Use America/New_York" }));
  expect(
    await screen.findByText(
      "Time zone not changed: timezone: Value error, must be an IANA time zone name, e.g. Europe/London",
    ),
  ).toBeInTheDocument();
  expect(patches).toEqual([{ timezone: "America/New_York" }]);
  expect(screen.getByRole("region", { name: "Time zone offer" })).toBeInTheDocument();
});
