export {
  nudgeKeys,
  unreadNudgesQuery,
  useDeleteNudge,
  useGenerateNudges,
  useMarkNudgeRead,
  useUnreadNudges,
} from "./api/nudges";
export { CheckNudgesButton } from "./components/check-nudges-button";
export { GenerateNudgesOnOpen } from "./components/generate-on-open";
export { NudgeInbox } from "./components/nudge-inbox";
export { NudgeList } from "./components/nudge-list";
