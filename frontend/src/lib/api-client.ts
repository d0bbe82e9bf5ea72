import createClient from "openapi-fetch";

import type { components, paths } from "./api/schema";

export type Schemas = components["schemas"];

/** An HTTP error from the API: its status and its `detail`, readable for a person. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: unknown;

  constructor(status: number, detail: unknown) {
    super(describeDetail(status, detail));
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
  }
}

type ValidationIssue = { loc?: (string | number)[]; msg?: string };

/** FastAPI's `detail`: a sentence, or a list of field errors ("amount: ..."). */
export function describeDetail(status: number, detail: unknown): string {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return (detail as ValidationIssue[])
      .map((issue) => {
        const field = issue.loc?.filter((part) => part !== "body").join(".");
        return field ? `${field}: ${issue.msg ?? "invalid"}` : (issue.msg ?? "invalid");
      })
      .join("; ");
  }
  return `The server answered ${status}`;
}

type TokenSource = () => Promise<string | null>;
let tokenSource: TokenSource = () => Promise.resolve(null);
let onUnauthorized: () => void = () => undefined;

/** Where every request's session token comes from (development auth or Clerk), and
 * what to do when the server refuses one (renew it). */
export function setTokenSource(source: TokenSource, unauthorized: () => void = () => undefined) {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

const PROTECTED_PREFIX = "/api/v1/master-admin/";

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  // Looked up on every call, not captured once, so a fetch installed later is used.
  fetch: (request) => globalThis.fetch(request),
});

api.use({
  async onRequest({ request, schemaPath }) {
    // The public routes (config, dev token) are how a token is obtained: they carry none.
    if (!schemaPath.startsWith(PROTECTED_PREFIX)) return request;
    const token = await tokenSource();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthorized();
    return response;
  },
});

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The response's data, or an `ApiError` thrown with the server's detail. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const detail = (error as { detail?: unknown } | undefined)?.detail;
    throw new ApiError(response.status, detail);
  }
  return data as T;
}

/** A page of a list and the total the server counted (`X-Total-Count`). */
export type Page<T> = { items: T[]; total: number };

export async function unwrapPage<T>(call: Promise<Result<T[]>>): Promise<Page<T>> {
  const result = await call;
  const items = await unwrap(Promise.resolve(result));
  return { items, total: Number(result.response.headers.get("X-Total-Count") ?? items.length) };
}
