export { WeekGoal } from "./components/week-goal";
