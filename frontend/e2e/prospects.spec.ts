import { checkPage, expect, test } from "./support";

type Prospect = { id: number; name: string; company: string | null; status: string };
type Activity = { id: number; type: string; prospect_id: number | null };

test("a company's substring finds its prospect, and an activity logged on its page is linked", async ({
  page,
  founderApi,
}) => {
  const stamp = Date.now();
  const saved = (await founderApi.send("POST", "/prospects", {
    name: `Marie Curie ${stamp}`,
    company: `Radium Partners ${stamp}`,
    status: "engaged",
    tags: ["science"],
  })) as Prospect;
  const logged: number[] = [];
  try {
    await page.goto("/prospects");
    await page.getByRole("searchbox", { name: "Search" }).fill(`dium Partners ${stamp}`);
    const list = page.getByRole("list", { name: "Prospects" });
    await expect(list.getByRole("link")).toHaveText([saved.name]);
    await checkPage(page, "prospects");

    await list.getByRole("link", { name: saved.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: saved.name })).toBeVisible();
    await expect(page.getByTestId("lead-score")).toHaveText("20 / 100");
    await page.getByRole("button", { name: "Log activity" }).click();
    const dialog = page.getByRole("dialog", { name: "Log an activity with this prospect" });
    await dialog.getByLabel("Type").selectOption("email");
    await dialog.getByRole("button", { name: "Log activity" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("list", { name: "The prospect's activities" }).getByText("Email")).toBeVisible();

    const activities = await founderApi.get<Activity[]>(`/activities?prospect_id=${saved.id}`);
    logged.push(...activities.map(({ id }) => id));
    expect(activities.map(({ type, prospect_id }) => [type, prospect_id])).toEqual([["email", saved.id]]);
    await checkPage(page, "prospect");
  } finally {
    for (const id of logged) await founderApi.send("DELETE", `/activities/${id}`);
    await founderApi.send("DELETE", `/prospects/${saved.id}`);
  }
});

test("a prospect is created, edited and deleted from the list and its page", async ({ page, founderApi }) => {
  const name = `Alan Turing ${Date.now()}`;
  await page.goto("/prospects");
  await page.getByRole("button", { name: "New prospect" }).click();
  const dialog = page.getByRole("dialog", { name: "New prospect" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Company").fill("Bletchley Ventures");
  await dialog.getByLabel("Tags").fill("crypto, warm");
  await dialog.getByRole("button", { name: "Create prospect" }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Search" }).fill(name);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const [created] = await founderApi.get<(Prospect & { tags: string[] })[]>(`/prospects?q=${encodeURIComponent(name)}`);
  expect([created?.company, created?.tags, created?.status]).toEqual(["Bletchley Ventures", ["crypto", "warm"], "new"]);

  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await edit.getByLabel("Status").selectOption("proposal");
  await edit.getByLabel("Company").fill("");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("lead-score")).toHaveText("30 / 100");
  const edited = await founderApi.get<Prospect>(`/prospects/${created?.id}`);
  expect([edited.status, edited.company]).toEqual(["proposal", null]);

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/prospects$/);
  expect(await founderApi.get<Prospect[]>(`/prospects?q=${encodeURIComponent(name)}`)).toEqual([]);
});
