import { checkPage, expect, test } from "./support";

type Score = { date: string; score: number };

test.beforeEach(async ({ founderApi }) => {
  await founderApi.resetToday();
});

test("D then C logs a discovery and a call: the page and the API both say 30", async ({ page, founderApi }) => {
  await page.goto("/");
  await expect(page.getByTestId("today-score")).toHaveText("0");

  await page.keyboard.press("d");
  await expect(page.getByTestId("today-score")).toHaveText("10");
  await page.keyboard.press("c");
  await expect(page.getByTestId("today-score")).toHaveText("30");

  const today = await founderApi.get<Score>("/scores/today");
  expect(today.score).toBe(30);
  await expect(page.getByRole("listitem").filter({ hasText: "Discovery meeting" })).toHaveCount(1);
  await expect(page.getByRole("listitem").filter({ hasText: /^Call/ })).toHaveCount(1);
});

test("typing dvc in a field logs nothing", async ({ page, founderApi }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Log with details" }).click();
  await page.getByLabel("Notes").pressSequentially("dvc");
  await expect(page.getByLabel("Notes")).toHaveValue("dvc");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  expect(await founderApi.get<unknown[]>("/activities/today")).toEqual([]);
  expect((await founderApi.get<Score>("/scores/today")).score).toBe(0);
  await expect(page.getByTestId("today-score")).toHaveText("0");
});

test("a logged activity can be edited and deleted from the timeline", async ({ page, founderApi }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Email" }).click();
  await expect(page.getByTestId("today-score")).toHaveText("5");

  await page.getByRole("button", { name: "Edit Email" }).click();
  await page.getByLabel("Amount").fill("3");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("today-score")).toHaveText("15");
  expect((await founderApi.get<Score>("/scores/today")).score).toBe(15);

  await page.getByRole("button", { name: "Delete Email ×3" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("today-score")).toHaveText("0");
  expect(await founderApi.get<unknown[]>("/activities/today")).toEqual([]);
});

test("Today on a phone and a desktop", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("today-score")).toHaveText("0");
  await page.keyboard.press("v");
  await expect(page.getByTestId("today-score")).toHaveText("15");
  await checkPage(page, "today");
});
