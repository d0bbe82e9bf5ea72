export {
  nudgeKeys,
  unreadNudgesQuery,
  useDeleteNudge,
  useGenerateNudges,
  useMarkNudgeRead,
  useUnreadNudges,
} from "./api/nudges";
export { GenerateNudgesOnOpen } from "./components/generate-on-open";
export { NudgeList } from "./components/nudge-list";
