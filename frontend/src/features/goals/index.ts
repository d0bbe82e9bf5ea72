export { createGoal, updateGoal, useCreateGoal, useUpdateGoal } from "./api/goal-mutations";
export { WeekGoal } from "./components/week-goal";
