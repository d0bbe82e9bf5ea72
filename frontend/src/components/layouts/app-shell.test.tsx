import { screen, within } from "@testing-library/react";

import { renderApp } from "@/testing/render";

test("the menu names every page and closes after a choice", async () => {
  const { user, router } = renderApp("/");
  const nav = await screen.findByRole("navigation", { name: "Main" });
  expect(within(nav).getAllByRole("link").map((link) => link.textContent)).toEqual([
    "Today",
    "Week",
    "History",
    "Focus",
    "Nudges",
    "Meetings",
    "Prospects",
    "Pipeline",
    "Settings",
  ]);
  const menu = screen.getByRole("button", { name: "Menu" });
  expect(menu).toHaveAttribute("aria-expanded", "false");
  await user.click(menu);
  expect(menu).toHaveAttribute("aria-expanded", "true");
  await user.click(within(nav).getByRole("link", { name: "Settings" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe("/settings");
  expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("an unknown address says so and links back to Today", async () => {
  renderApp("/nowhere");
  expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Back to Today" })).toHaveAttribute("href", "/");
});
