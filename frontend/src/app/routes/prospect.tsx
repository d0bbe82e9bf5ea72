import { Link, useParams } from "react-router";

import { QueryState } from "@/components/ui/query-state";
import { ProspectActivities } from "@/features/activities";
import { useDashboard } from "@/features/dashboard";
import { ProspectDeals } from "@/features/pipeline";
import { useMe } from "@/features/profile";
import { ProspectDetails } from "@/features/prospects";

import { NotFoundRoute } from "./not-found";

export function ProspectRoute() {
  const prospectId = Number(useParams().prospectId);
  const dashboard = useDashboard();
  const me = useMe();
  if (!Number.isInteger(prospectId) || prospectId < 1) return <NotFoundRoute />;
  return (
    <>
      <Link to="/prospects" className="back-link">
        ← All prospects
      </Link>
      <ProspectDetails prospectId={prospectId} />
      <div className="prospect-grid">
        <QueryState query={dashboard} label="today's date">
          {(data) => <ProspectActivities prospectId={prospectId} today={data.today.date} />}
        </QueryState>
        <QueryState query={me} label="your profile">
          {(profile) => <ProspectDeals prospectId={prospectId} currency={profile.currency} />}
        </QueryState>
      </div>
    </>
  );
}
