import { AppShell } from "@/components/layouts/app-shell";
import { GenerateNudgesOnOpen } from "@/features/nudges";

/** Every page's frame; opening the cockpit runs the nudge rules once. */
export function CockpitLayout() {
  return (
    <>
      <GenerateNudgesOnOpen />
      <AppShell />
    </>
  );
}
