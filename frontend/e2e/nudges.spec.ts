import { checkPage, expect, test } from "./support";

type Nudge = { id: number; message: string; read: boolean; rule_key: string };

/** The calendar day before a server's `YYYY-MM-DD`. */
function dayBefore(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

test("a nudge the rules raised shows in the inbox, and marking it read changes the API", async ({
  page,
  founderApi,
}) => {
  await page.goto("/nudges");
  await expect(page.getByRole("region", { name: "Inbox" })).toBeVisible();
  // A pending activity dated yesterday raises today's "pending activities" reminder.
  const { date: today } = await founderApi.get<{ date: string }>("/scores/today");
  const pending = (await founderApi.send("POST", "/activities", {
    type: "email",
    status: "pending",
    date: dayBefore(today),
  })) as { id: number };
  try {
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByText(/^(No new nudges|\d+ new nudges?)$/)).toBeVisible();
    const raised = (await founderApi.get<Nudge[]>("/nudges")).find((nudge) =>
      nudge.rule_key.startsWith("pending_activities:"),
    );
    expect(raised, "the pending-activities nudge, unread").toBeDefined();
    const { id, message } = raised as Nudge;
    expect(message).toMatch(/pending activit(y is|ies are) dated before today/);

    const inbox = page.getByRole("region", { name: "Inbox" });
    await expect(inbox.getByText(message)).toBeVisible();
    await inbox.getByRole("button", { name: `Mark read: ${message}` }).click();
    await expect(inbox.getByText(message)).toHaveCount(0);

    expect((await founderApi.get<Nudge[]>("/nudges")).map((nudge) => nudge.id)).not.toContain(id);
    const all = await founderApi.get<Nudge[]>("/nudges?include_read=true");
    expect(all.find((nudge) => nudge.id === id)?.read).toBe(true);

    await page.getByRole("checkbox", { name: "Show read" }).check();
    await expect(inbox.getByText(message)).toBeVisible();
  } finally {
    await founderApi.send("DELETE", `/activities/${pending.id}`);
  }
});

test("Nudges on a phone and a desktop", async ({ page }) => {
  await page.goto("/nudges");
  await expect(page.getByRole("region", { name: "Inbox" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await checkPage(page, "nudges");
});
