import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";

export const API = "/api/v1/master-admin";
export const SCREENSHOTS = "e2e/screenshots";

/** The API as the founder's own scripts see it: a development token, then JSON. */
export class FounderApi {
  private token: string | null = null;

  constructor(private readonly request: APIRequestContext) {}

  private async headers() {
    if (this.token === null) {
      const response = await this.request.post("/api/v1/dev/token");
      expect(response.status()).toBe(200);
      this.token = ((await response.json()) as { token: string }).token;
    }
    return { Authorization: `Bearer ${this.token}` };
  }

  async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`${API}${path}`, { headers: await this.headers() });
    expect(response.status(), `GET ${path}`).toBe(200);
    return (await response.json()) as T;
  }

  async send(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, data?: unknown) {
    const response = await this.request.fetch(`${API}${path}`, {
      method,
      headers: await this.headers(),
      data,
    });
    expect(response.ok(), `${method} ${path}: ${response.status()}`).toBe(true);
    return response.status() === 204 ? null : ((await response.json()) as unknown);
  }

  /** Today back to nothing logged, no focus session open: each test starts clean. */
  async resetToday() {
    const activities = await this.get<{ id: number }[]>("/activities/today");
    for (const { id } of activities) await this.send("DELETE", `/activities/${id}`);
    const open = await this.get<{ id: number } | null>("/focus-sessions/active");
    if (open) await this.send("PUT", `/focus-sessions/${open.id}/interrupt`, {});
  }
}

type Fixtures = { founderApi: FounderApi; consoleErrors: string[] };

/** Every test fails on a console error or an uncaught exception in the page. */
export const test = base.extend<Fixtures>({
  founderApi: async ({ request }, use) => {
    await use(new FounderApi(request));
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** What every page must pass, on a phone and on a desktop: no horizontal scroll at
 * 375 px, no serious or critical axe violation; a screenshot of each for the README. */
export async function checkPage(page: Page, name: string) {
  for (const [label, size] of [
    ["phone", { width: 375, height: 812 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways on a ${label}`).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(serious, `axe on ${name} (${label})`).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png`, fullPage: true });
  }
}
