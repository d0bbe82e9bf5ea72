import { QueryState } from "@/components/ui/query-state";
import { money } from "@/lib/format";

import { useProspectDeals } from "../api/get-deals";
import { stageLabel } from "../deal-stages";

import { DealActions } from "./deal-card";
import { NewDeal } from "./new-deal";

/** One prospect's deals, with their stage, value and probability; a new one for them. */
export function ProspectDeals({ prospectId, currency }: { prospectId: number; currency: string }) {
  const deals = useProspectDeals(prospectId);
  return (
    <section className="card" aria-labelledby="prospect-deals-heading">
      <div className="card-header">
        <h2 id="prospect-deals-heading">Deals</h2>
        <NewDeal prospectId={prospectId} />
      </div>
      <QueryState query={deals} label="the prospect's deals">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No deal with this prospect yet.</p>
          ) : (
            <ul className="deal-list" aria-label="The prospect's deals">
              {items.map((deal) => (
                <li key={deal.id} className="deal-row">
                  <div>
                    <p className="deal-title">{deal.title}</p>
                    <p className="muted small">
                      <span className="badge">{stageLabel(deal.stage)}</span> {money(deal.value, currency)} ·{" "}
                      {deal.probability}%
                    </p>
                  </div>
                  <DealActions deal={deal} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
