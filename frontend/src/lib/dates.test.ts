import { addDays } from "./dates";

test("steps whole weeks across months, years and a leap day", () => {
  expect(addDays("2026-11-23", -7)).toBe("2026-11-16");
  expect(addDays("2026-11-30", 7)).toBe("2026-12-07");
  expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  expect(addDays("2024-02-26", 3)).toBe("2024-02-29");
  expect(addDays("2024-03-04", -7)).toBe("2024-02-26");
});

test("early years are not read as the 1900s", () => {
  expect(addDays("0001-01-08", -7)).toBe("0001-01-01");
  expect(addDays("0099-12-28", 7)).toBe("0100-01-04");
});
