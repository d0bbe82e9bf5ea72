import { checkPage, expect, test, type FounderApi } from "./support";

type Progress = { week_start: string; goal_id: number | null };
type Goal = { id: number; week_start: string; target_discoveries: number; target_emails: number; target_videos: number; target_calls: number };

/** This week without a goal and today without activities; returns this week's Monday. */
async function cleanWeek(founderApi: FounderApi): Promise<string> {
  await founderApi.resetToday();
  const week = await founderApi.get<Progress>("/progress/week");
  if (week.goal_id !== null) await founderApi.send("DELETE", `/goals/${week.goal_id}`);
  return week.week_start;
}

test.afterEach(async ({ founderApi }) => {
  await cleanWeek(founderApi);
});

test("shows the goal's targets and done counts; an edited target is the API's", async ({ page, founderApi }) => {
  const weekStart = await cleanWeek(founderApi);
  const created = (await founderApi.send("POST", "/goals", {
    week_start: weekStart,
    target_discoveries: 3,
    target_emails: 10,
    target_videos: 1,
    target_calls: 5,
  })) as Goal;
  const today = (await founderApi.get<{ date: string }>("/scores/today")).date;
  await founderApi.send("POST", "/activities", { type: "email", status: "done", date: today, amount: 2 });
  await founderApi.send("POST", "/activities", { type: "call", status: "done", date: today, amount: 1 });

  await page.goto("/week");
  await expect(page.getByTestId("goal-email")).toHaveText("10");
  await expect(page.getByTestId("goal-call")).toHaveText("5");
  await expect(page.getByRole("progressbar", { name: "Emails: 2 of 10" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Calls: 1 of 5" })).toBeVisible();
  // Email 2 × 5 + call 20 = 30 today, in the chart's table.
  await expect(page.getByTestId(`score-${today}`)).toHaveText("30");

  await page.getByRole("button", { name: "Edit targets" }).click();
  await page.getByRole("dialog").getByLabel("Calls").fill("8");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("progressbar", { name: "Calls: 1 of 8" })).toBeVisible();

  const saved = await founderApi.get<Goal>(`/goals/${created.id}`);
  expect(saved).toMatchObject({ week_start: weekStart, target_discoveries: 3, target_emails: 10, target_videos: 1, target_calls: 8 });
  await checkPage(page, "week");
});

test("a week without a goal gets one; the previous week is a week before the server's", async ({ page, founderApi }) => {
  const weekStart = await cleanWeek(founderApi);
  await page.goto("/week");
  await page.getByLabel("Emails").fill("25");
  await page.getByRole("button", { name: "Set goal" }).click();
  await expect(page.getByTestId("goal-email")).toHaveText("25");

  const goal = await founderApi.get<Goal>("/goals/current");
  expect(goal).toMatchObject({ week_start: weekStart, target_discoveries: 0, target_emails: 25, target_videos: 0, target_calls: 0 });

  await page.getByRole("link", { name: "Previous week" }).click();
  const monday = new Date(`${weekStart}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - 7);
  const previous = monday.toISOString().slice(0, 10);
  await expect(page).toHaveURL(`/week?week_start=${previous}`);
  // No goal that week, as the API says: the page offers to set one.
  expect((await founderApi.get<Progress>(`/progress/week?week_start=${previous}`)).goal_id).toBeNull();
  await expect(page.getByRole("button", { name: "Set goal" })).toBeVisible();
  await page.getByRole("link", { name: "This week" }).click();
  await expect(page.getByTestId("goal-email")).toHaveText("25");
});
