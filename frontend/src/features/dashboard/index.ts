export { useDashboard } from "./api/get-dashboard";
