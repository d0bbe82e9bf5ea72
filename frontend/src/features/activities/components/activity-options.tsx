import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from "../activity-types";

/** The `<option>`s of a type select, in the order the founder works them. */
export function ActivityTypeOptions() {
  return ACTIVITY_TYPES.map(({ type, label }) => (
    <option key={type} value={type}>
      {label}
    </option>
  ));
}

export function ActivityStatusOptions() {
  return ACTIVITY_STATUSES.map(({ status, label }) => (
    <option key={status} value={status}>
      {label}
    </option>
  ));
}
