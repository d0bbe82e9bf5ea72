import { useEffect } from "react";

import { useGenerateNudges } from "../api/nudges";

/** Runs the nudge rules once when the cockpit opens (the server makes no duplicates). */
export function GenerateNudgesOnOpen() {
  const { mutate } = useGenerateNudges();
  useEffect(() => {
    mutate(undefined);
  }, [mutate]);
  return null;
}
