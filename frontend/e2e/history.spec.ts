import { checkPage, expect, test } from "./support";

type Activity = { id: number; type: string };

test.beforeEach(async ({ founderApi }) => {
  await founderApi.resetToday();
});

test.afterEach(async ({ founderApi }) => {
  await founderApi.resetToday();
});

test("the heatmap shows today's score in today's cell; the log filters by type", async ({ page, founderApi }) => {
  const today = (await founderApi.get<{ date: string }>("/scores/today")).date;
  await founderApi.send("POST", "/activities", { type: "video", status: "done", date: today, amount: 2 });
  await founderApi.send("POST", "/activities", { type: "email", status: "done", date: today, amount: 1 });
  await founderApi.send("POST", "/activities", { type: "call", status: "pending", date: today, amount: 1 });
  // Video 2 × 15 + email 5 = 35; the pending call scores nothing.
  expect((await founderApi.get<{ score: number }>("/scores/today")).score).toBe(35);

  await page.goto("/history");
  const cell = page.locator(`rect[data-date="${today}"]`);
  await expect(cell).toHaveAttribute("role", "img");
  await expect(cell).toHaveAccessibleName(/: score 35$/);

  await page.getByRole("search", { name: "Filter the log" }).getByLabel("Type").selectOption("video");
  const videos = await founderApi.get<Activity[]>("/activities?type=video");
  expect(videos.map((activity) => activity.type)).toEqual(["video"]);
  await expect(page.getByTestId("log-range")).toHaveText("1–1 of 1");
  const log = page.getByRole("list", { name: "Activities, newest first" });
  await expect(log.getByRole("listitem")).toHaveCount(1);
  await expect(log.getByRole("listitem")).toContainText("Video ×2");

  await page.getByRole("search", { name: "Filter the log" }).getByLabel("Status").selectOption("pending");
  await expect(page.getByText("No activities match.")).toBeVisible();
});

test("History on a phone opens the heatmap at today, scrolled within its own frame", async ({ page, founderApi }) => {
  const today = (await founderApi.get<{ date: string }>("/scores/today")).date;
  await founderApi.send("POST", "/activities", { type: "call", status: "done", date: today, amount: 2 });
  await founderApi.send("POST", "/activities", { type: "email", status: "pending", date: today, notes: "Follow up with Acme" });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/history");
  const cell = page.locator(`rect[data-date="${today}"]`);
  await expect(cell).toHaveAccessibleName(/: score 40$/);
  await expect(cell).toBeInViewport();
  await expect(page.locator("rect[data-date]").first()).not.toBeInViewport();
  await expect(page.getByTestId("log-range")).toHaveText("1–2 of 2");
  await checkPage(page, "history");
});
