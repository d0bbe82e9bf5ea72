import { PageHeader } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/query-state";
import { NewDeal, PipelineBoard, PipelineSummary } from "@/features/pipeline";
import { useMe } from "@/features/profile";

export function PipelineRoute() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Pipeline"
        subtitle="Drag a deal to another stage, or use its move button with the arrow keys."
        actions={<NewDeal />}
      />
      <QueryState query={me} label="your profile">
        {(profile) => (
          <>
            <PipelineBoard currency={profile.currency} />
            <PipelineSummary currency={profile.currency} />
          </>
        )}
      </QueryState>
    </>
  );
}
