import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { Schemas } from "@/lib/api-client";
import { money } from "@/lib/format";

type MonthForecast = Schemas["MonthForecast"];

const MONTH = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" });

/** "2026-11" as "Nov 2026". */
export function monthLabel(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/** Open deals' weighted value by expected close month, as bars, with the same figures as
 * a table for screen readers and for reading exactly; a sentence instead when every month
 * is empty (an empty chart would only show an axis). */
export function ForecastChart({ forecast, currency }: { forecast: MonthForecast[]; currency: string }) {
  const rows = forecast.map((entry) => ({ ...entry, label: monthLabel(entry.month) }));
  if (rows.every((row) => row.weighted_value === 0)) {
    return (
      <p className="muted">
        No open deal is expected to close from {rows[0]?.label} to {rows.at(-1)?.label}.
      </p>
    );
  }
  return (
    <figure className="forecast" aria-labelledby="forecast-caption">
      <figcaption id="forecast-caption">Weighted value by expected close month</figcaption>
      <div role="img" aria-label="Bar chart of the weighted value by month; the table below lists it">
        <ResponsiveContainer width="100%" height={200} initialDimension={{ width: 320, height: 200 }}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis
              width={72}
              tick={{ fontSize: 12 }}
              tickFormatter={(value: number) =>
                new Intl.NumberFormat(undefined, { style: "currency", currency, notation: "compact" }).format(value)
              }
            />
            <Tooltip formatter={(value) => money(Number(value), currency)} />
            <Bar dataKey="weighted_value" name="Weighted value" fill="var(--primary)" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="forecast-table">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Weighted value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month}>
              <th scope="row">{row.label}</th>
              <td>{money(row.weighted_value, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
