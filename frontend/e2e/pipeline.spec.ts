import type { Page } from "@playwright/test";

import { checkPage, expect, test, type FounderApi } from "./support";

type Deal = { id: number; title: string; stage: string; probability: number };
type Summary = {
  open: { count: number; value: number; weighted_value: number };
  win_rate: number | null;
};

const money = (value: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(value);

/** A prospect and two discovery deals of its own, made through the API; deleting the
 * prospect deletes its deals. */
async function seed(founderApi: FounderApi) {
  const stamp = Date.now();
  const prospect = (await founderApi.send("POST", "/prospects", {
    name: `Board prospect ${stamp}`,
    email: `board-${stamp}@example.com`,
  })) as { id: number };
  const deal = async (title: string, value: number) =>
    (await founderApi.send("POST", "/deals", { prospect_id: prospect.id, title, value })) as Deal;
  return {
    prospectId: prospect.id,
    mouseDeal: await deal(`Mouse deal ${stamp}`, 12000),
    keyboardDeal: await deal(`Keyboard deal ${stamp}`, 3000.5),
  };
}

async function dragTo(page: Page, handleName: string, columnTestId: string) {
  const from = await page.getByRole("button", { name: handleName }).boundingBox();
  const to = await page.getByTestId(columnTestId).boundingBox();
  if (!from || !to) throw new Error("the handle or the column is not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
}

test("deals move by mouse and by keyboard, and the API follows", async ({ page, founderApi }) => {
  const { prospectId, mouseDeal, keyboardDeal } = await seed(founderApi);
  try {
    await page.goto("/pipeline");
    const discovery = page.getByTestId("column-discovery");
    await expect(discovery.getByRole("heading", { name: mouseDeal.title })).toBeVisible();
    await expect(discovery.getByRole("heading", { name: keyboardDeal.title })).toBeVisible();

    await dragTo(page, `Move ${mouseDeal.title}`, "column-proposal");
    await expect(page.getByTestId("column-proposal").getByRole("heading", { name: mouseDeal.title })).toBeVisible();
    await expect
      .poll(async () => {
        const saved = await founderApi.get<Deal>(`/deals/${mouseDeal.id}`);
        return [saved.stage, saved.probability];
      })
      .toEqual(["proposal", 40]);

    await page.getByRole("button", { name: `Move ${keyboardDeal.title}` }).focus();
    // What a screen reader hears says where the lifted deal is, key by key.
    const announcement = page.locator("[id^=DndLiveRegion]");
    await page.keyboard.press("Space");
    await expect(announcement).toHaveText(`${keyboardDeal.title} is over Discovery.`);
    // dnd-kit's keyboard sensor starts listening a tick after the pick-up: a key pressed
    // in between is lost, as a person would see, and pressed again.
    const overQualification = `${keyboardDeal.title} is over Qualification.`;
    await expect(async () => {
      if ((await announcement.textContent()) !== overQualification) await page.keyboard.press("ArrowRight");
      await expect(announcement).toHaveText(overQualification, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await page.keyboard.press("Space");
    await expect(announcement).toHaveText(`${keyboardDeal.title} dropped in Qualification.`);
    await expect(
      page.getByTestId("column-qualification").getByRole("heading", { name: keyboardDeal.title }),
    ).toBeVisible();
    await expect
      .poll(async () => (await founderApi.get<Deal>(`/deals/${keyboardDeal.id}`)).stage)
      .toBe("qualification");

    const summary = await founderApi.get<Summary>("/pipeline/summary");
    await expect(page.getByTestId("summary-open-count")).toHaveText(String(summary.open.count));
    await expect(page.getByTestId("summary-open-value")).toHaveText(money(summary.open.value));
    await expect(page.getByTestId("summary-weighted-value")).toHaveText(money(summary.open.weighted_value));
    await checkPage(page, "pipeline");
  } finally {
    await founderApi.send("DELETE", `/prospects/${prospectId}`);
  }
});

test("a deal is created, edited and deleted from the board", async ({ page, founderApi }) => {
  const stamp = Date.now();
  const prospect = (await founderApi.send("POST", "/prospects", {
    name: `Dialog prospect ${stamp}`,
    company: `Dialog Holdings ${stamp}`,
  })) as { id: number };
  const title = `Dialog deal ${stamp}`;
  try {
    await page.goto("/pipeline");
    await page.getByRole("button", { name: "New deal" }).click();
    const dialog = page.getByRole("dialog", { name: "New deal" });
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("Find a prospect").fill(`Holdings ${stamp}`);
    await dialog.getByRole("combobox", { name: "Prospect", exact: true }).selectOption({
      label: `Dialog prospect ${stamp} (Dialog Holdings ${stamp})`,
    });
    await dialog.getByLabel("Stage").selectOption("negotiation");
    await dialog.getByLabel("Value").fill("2500");
    await dialog.getByRole("button", { name: "Create deal" }).click();
    const column = page.getByTestId("column-negotiation");
    await expect(column.getByRole("heading", { name: title })).toBeVisible();
    const [created] = await founderApi.get<Deal[]>(`/deals?prospect_id=${prospect.id}`);
    expect([created?.title, created?.stage, created?.probability]).toEqual([title, "negotiation", 60]);

    await page.getByRole("button", { name: `Edit ${title}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${title}` });
    await edit.getByLabel("Probability (%)").fill("75");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(column.getByText("· 75%")).toBeVisible();
    expect((await founderApi.get<Deal>(`/deals/${created?.id}`)).probability).toBe(75);

    await page.getByRole("button", { name: `Delete ${title}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(column.getByRole("heading", { name: title })).toHaveCount(0);
    expect(await founderApi.get<Deal[]>(`/deals?prospect_id=${prospect.id}`)).toEqual([]);
  } finally {
    await founderApi.send("DELETE", `/prospects/${prospect.id}`);
  }
});
