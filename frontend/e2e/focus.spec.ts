import { checkPage, expect, test } from "./support";

type Session = { id: number; completed: boolean; interrupted: boolean; end_time: string | null };

test.beforeEach(async ({ founderApi }) => {
  await founderApi.resetToday();
});

test("a 50-minute session survives a reload with the server's countdown, then completes", async ({
  page,
  founderApi,
}) => {
  await page.goto("/focus");
  await page.getByRole("button", { name: "Start 50 min" }).click();
  await expect(page.getByRole("timer")).toHaveText(/^(49:[0-5]\d|50:00)$/);

  await page.reload();
  await expect(page.getByRole("timer")).toHaveText(/^49:[0-5]\d$/);
  const active = await founderApi.get<Session>("/focus-sessions/active");

  await page.getByLabel("Notes (optional)").fill("Pipeline review");
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("button", { name: "Start 50 min" })).toBeVisible();

  const ended = await founderApi.get<Session & { notes: string | null }>(`/focus-sessions/${active.id}`);
  expect(ended.completed).toBe(true);
  expect(ended.interrupted).toBe(false);
  expect(ended.notes).toBe("Pipeline review");
  expect(await founderApi.get<Session | null>("/focus-sessions/active")).toBeNull();
  await expect(page.getByText("completed").first()).toBeVisible();
});

test("Focus on a phone and a desktop, with a session running", async ({ page }) => {
  await page.goto("/focus");
  await page.getByRole("button", { name: "Start 25 min" }).click();
  await expect(page.getByRole("timer")).toBeVisible();
  await checkPage(page, "focus");
  await page.getByRole("button", { name: "Interrupt" }).click();
  await expect(page.getByRole("button", { name: "Start 25 min" })).toBeVisible();
});
