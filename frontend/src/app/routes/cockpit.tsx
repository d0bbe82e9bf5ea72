import { useMatch } from "react-router";

import { AppShell } from "@/components/layouts/app-shell";
import { GenerateNudgesOnOpen } from "@/features/nudges";
import { TimeZoneOffer } from "@/features/profile";

/** Every page's frame; opening the cockpit runs the nudge rules once. Every page but
 * Settings (which makes the same offer in place) offers the browser's time zone when it
 * differs from the profile's. */
export function CockpitLayout() {
  const onSettings = useMatch("/settings") !== null;
  return (
    <>
      <GenerateNudgesOnOpen />
      <AppShell banner={onSettings ? null : <TimeZoneOffer />} />
    </>
  );
}
