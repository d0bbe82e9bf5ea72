import { clock, longDate, money, percent, shortDate, timeOfDay } from "./format";

test("a server date is that calendar day, whatever the browser's zone", () => {
  expect(longDate("2026-03-29")).toMatch(/Sunday.*29.*March|Sunday, March 29/);
  expect(shortDate("2026-11-23")).toMatch(/Mon.*23.*Nov|Mon, Nov 23/);
});

test("seconds read as a clock", () => {
  expect(clock(2990)).toBe("49:50");
  expect(clock(59.9)).toBe("00:59");
  expect(clock(3600 + 125)).toBe("1:02:05");
  expect(clock(-4)).toBe("00:00");
});

test("a timestamp is shown in the founder's zone", () => {
  expect(timeOfDay("2026-11-25T14:05:00Z", "UTC")).toBe("14:05");
  expect(timeOfDay("2026-11-25T14:05:00Z", "Asia/Kolkata")).toBe("19:35");
});

test("money is shown in the profile's currency, to the cent", () => {
  expect(money(1250.5, "USD")).toBe("$1,250.50");
  expect(money(0, "EUR")).toBe("€0.00");
  expect(percent(0.25)).toBe("25%");
});
