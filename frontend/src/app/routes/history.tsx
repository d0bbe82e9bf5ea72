import { ComingSoon } from "@/components/ui/coming-soon";

export function HistoryRoute() {
  return <ComingSoon title="History" what="a year heatmap of your scores and the activity log" />;
}
