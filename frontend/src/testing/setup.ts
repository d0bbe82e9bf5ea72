import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";

import { server } from "./server";

// Generous: two cores run the backend suite and the browser tests alongside.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());

// jsdom has neither CSS.supports nor matchMedia, which the heatmap's library calls (to
// check its theme's colours, to follow the colour scheme and reduced motion).
if (typeof CSS.supports !== "function") Object.assign(CSS, { supports: () => true });
if (typeof window.matchMedia !== "function") {
  const noMatch = (media: string) => ({
    matches: false,
    media,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  });
  Object.assign(window, { matchMedia: noMatch });
}
