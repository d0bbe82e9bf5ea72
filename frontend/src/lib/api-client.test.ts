import { ApiError, describeDetail } from "./api-client";

test("FastAPI's field errors read as field: message", () => {
  expect(
    describeDetail(422, [
      { type: "value_error", loc: ["body", "amount"], msg: "must be at least 1" },
      { type: "missing", loc: ["body"], msg: "Field required" },
      { type: "x" },
    ]),
  ).toBe("amount: must be at least 1; Field required; invalid");
  expect(describeDetail(409, "another focus session is still open")).toBe("another focus session is still open");
  expect(describeDetail(502, undefined)).toBe("The server answered 502");
  expect(new ApiError(404, "no activity 3 of yours").message).toBe("no activity 3 of yours");
});
