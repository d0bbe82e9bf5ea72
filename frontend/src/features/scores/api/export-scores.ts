import { api, unwrap } from "@/lib/api-client";
import { saveFile } from "@/lib/download";

/** The server's CSV of the daily scores (the 365 days ending today), saved as a file. */
export async function exportScores(): Promise<void> {
  const csv = await unwrap(api.GET("/api/v1/master-admin/scores/export.csv", { parseAs: "blob" }));
  saveFile(csv, "scores.csv");
}
