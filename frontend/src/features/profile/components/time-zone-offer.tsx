import { Globe, X } from "lucide-react";
import { useState } from "react";

import { useMe } from "../api/get-me";
import { browserTimeZone, sameTimeZone } from "../time-zones";

import { UseBrowserTimeZone } from "./use-browser-time-zone";

const DISMISSED = "cockpit.time-zone-offer.dismissed";

/** A banner offering the browser's zone when it differs from the profile's. Dismissed,
 * it stays away on this device until the browser is in yet another zone. */
export function TimeZoneOffer() {
  const me = useMe();
  const [browser] = useState(browserTimeZone);
  const [dismissedFor, setDismissedFor] = useState(() => localStorage.getItem(DISMISSED));
  if (!me.data || dismissedFor === browser || sameTimeZone(me.data.timezone, browser)) return null;

  function dismiss() {
    localStorage.setItem(DISMISSED, browser);
    setDismissedFor(browser);
  }

  return (
    <section className="banner" aria-label="Time zone offer">
      <Globe aria-hidden size={20} className="banner-icon" />
      <p>
        Your browser is in <strong>{browser}</strong>; the cockpit counts your days in{" "}
        <strong>{me.data.timezone}</strong>.
      </p>
      <div className="banner-actions">
        <UseBrowserTimeZone zone={browser} />
        <button type="button" className="icon-button" aria-label="Dismiss the time zone offer" onClick={dismiss}>
          <X aria-hidden size={18} />
        </button>
      </div>
    </section>
  );
}
