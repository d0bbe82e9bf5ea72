import type { Schemas } from "@/lib/api-client";

/** Server responses as the API sends them, for tests; override what a test is about. */
export const TODAY = "2026-11-25";
export const WEEK_START = "2026-11-23";

export function me(overrides: Partial<Schemas["UserResponse"]> = {}): Schemas["UserResponse"] {
  return {
    id: 1,
    clerk_user_id: "user_dev_master_admin",
    email: "founder@localhost",
    first_name: "Dev",
    last_name: "Founder",
    role: "master_admin",
    timezone: "UTC",
    currency: "USD",
    rest_days: [],
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
    ...overrides,
  };
}

export function weekProgress(
  overrides: Partial<Schemas["WeeklyProgressResponse"]> = {},
): Schemas["WeeklyProgressResponse"] {
  return {
    week_start: WEEK_START,
    goal_id: null,
    inherited: false,
    types: (["discovery", "email", "video", "call"] as const).map((type) => ({
      type,
      target: 0,
      done: 0,
      remaining: 0,
      percent: 0,
      expected_by_today: 0,
    })),
    ...overrides,
  };
}

export function dayScore(date: string, score = 0, streak_days = 0, activities_count = 0): Schemas["AdminScoreResponse"] {
  return { date, score, streak_days, activities_count };
}

export function goal(overrides: Partial<Schemas["AdminGoalResponse"]> = {}): Schemas["AdminGoalResponse"] {
  return {
    id: 4,
    user_id: 1,
    week_start: WEEK_START,
    target_discoveries: 0,
    target_emails: 0,
    target_videos: 0,
    target_calls: 0,
    created_at: "2026-11-23T08:00:00Z",
    updated_at: "2026-11-23T08:00:00Z",
    inherited: false,
    ...overrides,
  };
}

export function dashboard(overrides: Partial<Schemas["DashboardResponse"]> = {}): Schemas["DashboardResponse"] {
  return {
    today: { date: TODAY, score: 0, streak_days: 0, activities_count: 0 },
    streak: { current_streak: 0, longest_streak: 0, last_active_date: null },
    week_progress: weekProgress(),
    active_focus_session: null,
    unread_nudges: 0,
    pipeline: { active_prospects: 0, open_deals: 0, open_value: 0, weighted_value: 0 },
    ...overrides,
  };
}

export function activity(overrides: Partial<Schemas["AdminActivityResponse"]> = {}): Schemas["AdminActivityResponse"] {
  return {
    id: 1,
    user_id: 1,
    type: "call",
    status: "done",
    date: TODAY,
    amount: 1,
    notes: null,
    prospect_id: null,
    created_at: "2026-11-25T14:05:00Z",
    updated_at: "2026-11-25T14:05:00Z",
    ...overrides,
  };
}

export function activeFocus(
  overrides: Partial<Schemas["AdminActiveFocusSessionResponse"]> = {},
): Schemas["AdminActiveFocusSessionResponse"] {
  return {
    id: 7,
    user_id: 1,
    start_time: "2026-11-25T14:00:00Z",
    end_time: null,
    duration_minutes: 50,
    completed: false,
    interrupted: false,
    notes: null,
    created_at: "2026-11-25T14:00:00Z",
    ends_at: "2026-11-25T14:50:00Z",
    remaining_seconds: 2990,
    overdue: false,
    ...overrides,
  };
}

export function nudge(overrides: Partial<Schemas["AdminNudgeResponse"]> = {}): Schemas["AdminNudgeResponse"] {
  return {
    id: 3,
    user_id: 1,
    type: "reminder",
    message: "Set this week's targets",
    priority: "high",
    read: false,
    action_url: null,
    rule_key: `no_goal:${TODAY}`,
    created_at: "2026-11-25T09:00:00Z",
    expires_at: "2026-11-26T00:00:00Z",
    ...overrides,
  };
}

export function meeting(overrides: Partial<Schemas["AdminMeetingResponse"]> = {}): Schemas["AdminMeetingResponse"] {
  return {
    id: 11,
    user_id: 1,
    title: "Discovery call",
    type: "discovery",
    duration_minutes: 45,
    agenda: "1. Introductions\n2. Their deal process",
    questions: "How do you find deals today?",
    follow_up_tasks: null,
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

export function prospect(
  overrides: Partial<Schemas["AdminProspectDetailResponse"]> = {},
): Schemas["AdminProspectDetailResponse"] {
  return {
    id: 21,
    user_id: 1,
    name: "Ada Lovelace",
    email: "ada@acme.test",
    phone: null,
    company: "Acme Capital",
    title: "Partner",
    status: "qualified",
    source: "referral",
    tags: ["fintech"],
    notes: null,
    created_at: "2026-11-10T10:00:00Z",
    updated_at: "2026-11-10T10:00:00Z",
    last_activity_date: "2026-11-24",
    lead_score: 29,
    lead_score_breakdown: { stage: 10, engagement: 18.6 },
    ...overrides,
  };
}

export function deal(overrides: Partial<Schemas["AdminDealResponse"]> = {}): Schemas["AdminDealResponse"] {
  return {
    id: 31,
    user_id: 1,
    prospect_id: 21,
    title: "Acme platform licence",
    stage: "discovery",
    value: 12000,
    probability: 10,
    expected_close_date: "2026-12-15",
    notes: null,
    closed_on: null,
    stage_changed_at: "2026-11-20T10:00:00Z",
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

export function pipelineSummary(
  overrides: Partial<Schemas["PipelineSummaryResponse"]> = {},
): Schemas["PipelineSummaryResponse"] {
  return {
    stages: (["discovery", "qualification", "proposal", "negotiation", "closing"] as const).map((stage) => ({
      stage,
      count: 0,
      value: 0,
      weighted_value: 0,
    })),
    open: { count: 0, value: 0, weighted_value: 0 },
    won: { count: 0, value: 0 },
    lost: { count: 0 },
    win_rate: null,
    average_cycle_days: null,
    forecast: ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"].map((month) => ({
      month,
      weighted_value: 0,
    })),
    unscheduled_weighted_value: 0,
    ...overrides,
  };
}

export function focusStats(
  overrides: Partial<Schemas["FocusStatsResponse"]> = {},
): Schemas["FocusStatsResponse"] {
  const days = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"];
  return {
    week_start: WEEK_START,
    sessions: 0,
    completed: 0,
    interrupted: 0,
    focused_minutes: 0,
    by_day: days.map((date) => ({ date, focused_minutes: 0 })),
    ...overrides,
  };
}
