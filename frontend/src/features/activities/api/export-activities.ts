import { api, unwrap } from "@/lib/api-client";
import { saveFile } from "@/lib/download";

import type { ActivityFilters } from "./get-activities";

/** The server's CSV of every activity the filters match (no paging), saved as a file. */
export async function exportActivities(filters: ActivityFilters): Promise<void> {
  const csv = await unwrap(
    api.GET("/api/v1/master-admin/activities/export.csv", { params: { query: filters }, parseAs: "blob" }),
  );
  saveFile(csv, "activities.csv");
}
