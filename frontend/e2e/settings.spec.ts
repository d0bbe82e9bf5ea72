import { checkPage, expect, test } from "./support";

type Profile = { timezone: string; currency: string };

// The browser is in New York; the founder's profile starts in UTC, and is put back after
// each test (every spec shares the one founder).
test.use({ timezoneId: "America/New_York" });

test.afterEach(async ({ founderApi }) => {
  await founderApi.send("PATCH", "/me", { timezone: "UTC", currency: "USD" });
});

test("Settings saves a zone found by searching, and the API's time zone changes", async ({ page, founderApi }) => {
  await page.goto("/settings");
  await expect(page.getByTestId("profile-time-zone")).toHaveText("UTC");
  await page.getByRole("combobox", { name: "Time zone" }).fill("Europe/Paris");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("profile-time-zone")).toHaveText("Europe/Paris");
  expect((await founderApi.get<Profile>("/me")).timezone).toBe("Europe/Paris");
});

test("every page offers the browser's zone; taking it sets the API's", async ({ page, founderApi }) => {
  await page.goto("/");
  const banner = page.getByRole("region", { name: "Time zone offer" });
  await expect(banner).toContainText("Your browser is in America/New_York; the cockpit counts your days in UTC.");
  await checkPage(page, "time-zone-offer");
  await banner.getByRole("button", { name: "Use America/New_York" }).click();
  await expect(banner).toHaveCount(0);
  expect((await founderApi.get<Profile>("/me")).timezone).toBe("America/New_York");
  await expect(page.getByText(/· America\/New_York$/)).toBeVisible();
});

test("Settings on a phone and a desktop", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: "Use America/New_York" })).toBeVisible();
  await checkPage(page, "settings");
});

test("Settings saves the currency, and the pipeline's money is shown in it", async ({ page, founderApi }) => {
  await page.goto("/settings");
  await expect(page.getByTestId("profile-currency")).toHaveText("USD");
  await page.getByRole("combobox", { name: "Currency" }).fill("eur");
  await page.getByRole("button", { name: "Save currency" }).click();
  await expect(page.getByTestId("profile-currency")).toHaveText("EUR");
  expect((await founderApi.get<Profile>("/me")).currency).toBe("EUR");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pipeline" }).click();
  await expect(page.getByTestId("summary-open-value")).toHaveText(/^€/);
});
