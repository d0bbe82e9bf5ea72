import { PageHeader } from "@/components/ui/page-header";
import { NewProspect, ProspectList } from "@/features/prospects";

export function ProspectsRoute() {
  return (
    <>
      <PageHeader
        title="Prospects"
        subtitle="The people you sell to, with a lead score from their status and recent activity."
        actions={<NewProspect />}
      />
      <ProspectList />
    </>
  );
}
