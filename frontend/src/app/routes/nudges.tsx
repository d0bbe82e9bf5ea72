import { PageHeader } from "@/components/ui/page-header";
import { CheckNudgesButton, NudgeInbox } from "@/features/nudges";

export function NudgesRoute() {
  return (
    <>
      <PageHeader
        title="Nudges"
        subtitle="What needs your attention today, most pressing first."
        actions={<CheckNudgesButton />}
      />
      <NudgeInbox />
    </>
  );
}
