import { render, screen } from "@testing-library/react";

import { App } from "./app";

test("the app opens on Today at the browser's address", async () => {
  window.history.pushState({}, "", "/");
  render(<App />);
  expect(await screen.findByRole("heading", { level: 1, name: "Today" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
});
