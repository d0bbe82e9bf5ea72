import { lazy, Suspense } from "react";

import { QueryState } from "@/components/ui/query-state";
import { money, percent } from "@/lib/format";

import { usePipelineSummary } from "../api/get-deals";

// The chart library loads with the summary, never with a page that only lists deals.
const ForecastChart = lazy(() => import("./forecast-chart").then((m) => ({ default: m.ForecastChart })));

/** The summary's figures (open deals now; won, lost and win rate over the last 90 days)
 * and the forecast by month, all as the server computed them. */
export function PipelineSummary({ currency }: { currency: string }) {
  const summary = usePipelineSummary();
  return (
    <QueryState query={summary} label="the pipeline's figures">
      {(data) => {
        const figures: [string, string, string][] = [
          ["open-count", "Open deals", String(data.open.count)],
          ["open-value", "Open value", money(data.open.value, currency)],
          ["weighted-value", "Weighted value", money(data.open.weighted_value, currency)],
          ["won", "Won in 90 days", `${data.won.count} · ${money(data.won.value, currency)}`],
          ["lost", "Lost in 90 days", String(data.lost.count)],
          ["win-rate", "Win rate", data.win_rate === null ? "—" : percent(data.win_rate)],
          [
            "cycle",
            "Average cycle",
            data.average_cycle_days === null ? "—" : `${data.average_cycle_days} days`,
          ],
        ];
        return (
          <div className="pipeline-summary">
            <section className="card" aria-labelledby="totals-heading">
              <h2 id="totals-heading">Totals</h2>
              <dl className="figures">
                {figures.map(([key, term, value]) => (
                  <div key={key}>
                    <dt>{term}</dt>
                    <dd data-testid={`summary-${key}`}>{value}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <section className="card" aria-labelledby="forecast-heading">
              <h2 id="forecast-heading">Forecast</h2>
              <Suspense fallback={<p className="muted">Loading the forecast…</p>}>
                <ForecastChart forecast={data.forecast} currency={currency} />
              </Suspense>
              <p className="muted small">
                No expected date: {money(data.unscheduled_weighted_value, currency)} weighted.
              </p>
            </section>
          </div>
        );
      }}
    </QueryState>
  );
}
