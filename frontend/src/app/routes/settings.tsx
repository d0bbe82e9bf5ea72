import { PageHeader } from "@/components/ui/page-header";
import { CurrencySettings, RestDaysSettings, TimeZoneSettings } from "@/features/profile";

export function SettingsRoute() {
  return (
    <>
      <PageHeader title="Settings" subtitle="Your profile." />
      <TimeZoneSettings />
      <CurrencySettings />
      <RestDaysSettings />
    </>
  );
}
