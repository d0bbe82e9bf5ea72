export { dashboardKeys, dashboardQuery, useDashboard } from "./api/get-dashboard";
