import { ComingSoon } from "@/components/ui/coming-soon";

export function WeekRoute() {
  return <ComingSoon title="Week" what="the week's goal, progress and a 7-day score chart" />;
}
