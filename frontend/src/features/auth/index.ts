export { AuthGate } from "./components/auth-gate";
