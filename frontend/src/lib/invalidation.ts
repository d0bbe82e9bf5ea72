import type { QueryClient } from "@tanstack/react-query";

import { ROOT_KEYS } from "./query-keys";

/**
 * After a write that can move the founder's figures (an activity, a goal, a focus
 * session; an activity also moves its prospect's lead score), every query that shows
 * one is refetched: no stale number stays on screen.
 */
export function invalidateFigures(queryClient: QueryClient): Promise<void> {
  const roots = [
    ROOT_KEYS.dashboard,
    ROOT_KEYS.scores,
    ROOT_KEYS.progress,
    ROOT_KEYS.activities,
    ROOT_KEYS.focus,
    ROOT_KEYS.goals,
    ROOT_KEYS.nudges,
    ROOT_KEYS.prospects,
  ];
  return Promise.all(roots.map((root) => queryClient.invalidateQueries({ queryKey: [root] }))).then(
    () => undefined,
  );
}
