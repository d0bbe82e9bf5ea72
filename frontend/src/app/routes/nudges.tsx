import { ComingSoon } from "@/components/ui/coming-soon";

export function NudgesRoute() {
  return <ComingSoon title="Nudges" what="the nudge inbox" />;
}
