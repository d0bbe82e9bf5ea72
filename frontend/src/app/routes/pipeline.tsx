import { ComingSoon } from "@/components/ui/coming-soon";

export function PipelineRoute() {
  return <ComingSoon title="Pipeline" what="deals on a Kanban board with pipeline value and win rate" />;
}
