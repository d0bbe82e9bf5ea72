import { ComingSoon } from "@/components/ui/coming-soon";

export function MeetingsRoute() {
  return <ComingSoon title="Meetings" what="meeting templates" />;
}
