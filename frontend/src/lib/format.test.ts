import { clock, longDate, shortDate, timeOfDay } from "./format";

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
