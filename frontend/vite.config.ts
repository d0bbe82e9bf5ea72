/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API's origin in development (`npm run dev` proxies to `make run`'s server).
const apiOrigin = process.env.API_ORIGIN ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  server: {
    proxy: { "/api": apiOrigin, "/docs": apiOrigin, "/openapi.json": apiOrigin },
  },
  build: { manifest: true, sourcemap: false, target: "es2022" },
  test: {
    globals: true,
    environment: "jsdom",
    setupFiles: ["./src/testing/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // Two cores may be shared with the backend suite: a slow test is not a wrong one.
    testTimeout: 20_000,
    // The browser's time zone is a test's input (vi.stubEnv("TZ", ...)); UTC unless stubbed.
    env: { TZ: "UTC" },
    unstubEnvs: true,
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: ["src/**/*.test.{ts,tsx}", "src/**/index.ts", "src/testing/**", "src/lib/api/schema.d.ts", "src/main.tsx"],
      thresholds: { lines: 90 },
    },
  },
});
