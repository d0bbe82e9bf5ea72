import { PageHeader } from "@/components/ui/page-header";
import { RestDaysSettings, TimeZoneSettings } from "@/features/profile";

export function SettingsRoute() {
  return (
    <>
      <PageHeader title="Settings" subtitle="Your profile." />
      <TimeZoneSettings />
      <RestDaysSettings />
    </>
  );
}
