import { checkPage, expect, test } from "./support";

type Meeting = {
  id: number;
  title: string;
  type: string;
  duration_minutes: number;
  agenda: string | null;
  questions: string | null;
  follow_up_tasks: string | null;
};
type Draft = Omit<Meeting, "id">;

test("a template made from the demo default is saved, edited and deleted through the API", async ({
  page,
  founderApi,
}) => {
  const title = `Demo for funds ${Date.now()}`;
  const demo = (await founderApi.get<Draft[]>("/meetings/defaults")).find((draft) => draft.type === "demo");
  expect(demo?.title).toBe("Product demo");
  await page.goto("/meetings");
  await page.getByRole("button", { name: "New template" }).click();
  const dialog = page.getByRole("dialog", { name: "New meeting template" });
  await dialog.getByLabel("Start from").selectOption("demo");
  await expect(dialog.getByLabel("Title")).toHaveValue("Product demo");
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Minutes").fill("75");
  await dialog.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  const created = (await founderApi.get<Meeting[]>("/meetings")).find((meeting) => meeting.title === title);
  expect(created).toMatchObject({ ...demo, title, duration_minutes: 75 });

  await page.getByRole("button", { name: `Edit ${title}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${title}` });
  await edit.getByLabel("Questions").fill("");
  await edit.getByLabel("Minutes").fill("50");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: title }).getByText("50 min")).toBeVisible();
  const edited = await founderApi.get<Meeting>(`/meetings/${String(created?.id)}`);
  expect([edited.duration_minutes, edited.questions, edited.agenda]).toEqual([50, null, demo?.agenda]);

  await page.getByRole("button", { name: `Delete ${title}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
  expect((await founderApi.get<Meeting[]>("/meetings")).map((meeting) => meeting.title)).not.toContain(title);
});

test("Meetings on a phone and a desktop", async ({ page, founderApi }) => {
  const saved = (await founderApi.send("POST", "/meetings", {
    title: "Closing call with a very long title that has to wrap on a phone screen",
    type: "closing",
    duration_minutes: 30,
    agenda: "1. Walk through the final agreement (10 min)\n2. Signature and onboarding kickoff (20 min)",
  })) as Meeting;
  try {
    await page.goto("/meetings");
    await page.getByText("Show agenda").click();
    await expect(page.getByText(/Walk through the final agreement/)).toBeVisible();
    await checkPage(page, "meetings");
    await page.getByRole("button", { name: "New template" }).click();
    const dialog = page.getByRole("dialog", { name: "New meeting template" });
    await dialog.getByLabel("Start from").selectOption("discovery");
    await expect(dialog.getByLabel("Title")).toHaveValue("Discovery call");
    await checkPage(page, "meetings-new-template");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  } finally {
    await founderApi.send("DELETE", `/meetings/${saved.id}`);
  }
});
