import { defineConfig, devices } from "@playwright/test";

// One server on a brand-new database, one browser (Debian's Chromium, never a download).
const port = Number(process.env.E2E_PORT ?? 8765);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    // The browser's zone is the founder's (UTC) unless a spec says otherwise: no time zone
    // offer on every page of a machine set to another zone.
    timezoneId: "UTC",
    launchOptions: { executablePath: chromium },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `.venv/bin/python -m tests.e2e_server ${port}`,
    cwd: "../backend",
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
