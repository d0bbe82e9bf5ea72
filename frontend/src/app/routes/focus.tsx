import { PageHeader } from "@/components/ui/page-header";
import { FocusHistory, FocusPanel, FocusWeek } from "@/features/focus";
import { useMe } from "@/features/profile";

export function FocusRoute() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Focus" subtitle="Work in uninterrupted blocks; the timer is the server's." />
      <div className="stack">
        <FocusPanel />
        <FocusWeek />
        <FocusHistory timeZone={me.data?.timezone ?? "UTC"} />
      </div>
    </>
  );
}
