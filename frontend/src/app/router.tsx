import { createBrowserRouter, type RouteObject } from "react-router";

import { CockpitLayout } from "./routes/cockpit";
import { NotFoundRoute } from "./routes/not-found";
import { TodayRoute } from "./routes/today";

/** Today loads with the app; every other page is its own chunk, fetched on first visit. */
export const routes: RouteObject[] = [
  {
    element: <CockpitLayout />,
    children: [
      { index: true, element: <TodayRoute /> },
      { path: "focus", lazy: () => import("./routes/focus").then((m) => ({ Component: m.FocusRoute })) },
      { path: "week", lazy: () => import("./routes/week").then((m) => ({ Component: m.WeekRoute })) },
      { path: "history", lazy: () => import("./routes/history").then((m) => ({ Component: m.HistoryRoute })) },
      { path: "nudges", lazy: () => import("./routes/nudges").then((m) => ({ Component: m.NudgesRoute })) },
      { path: "meetings", lazy: () => import("./routes/meetings").then((m) => ({ Component: m.MeetingsRoute })) },
      { path: "prospects", lazy: () => import("./routes/prospects").then((m) => ({ Component: m.ProspectsRoute })) },
      {
        path: "prospects/:prospectId",
        lazy: () => import("./routes/prospect").then((m) => ({ Component: m.ProspectRoute })),
      },
      { path: "pipeline", lazy: () => import("./routes/pipeline").then((m) => ({ Component: m.PipelineRoute })) },
      { path: "settings", lazy: () => import("./routes/settings").then((m) => ({ Component: m.SettingsRoute })) },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
