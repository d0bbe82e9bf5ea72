import {
  BarChart3,
  Bell,
  CalendarDays,
  Flame,
  History,
  KanbanSquare,
  Menu,
  Settings,
  Timer,
  Users,
  X,
  type LucideIcon,
} from "lucide-react";
import { useState, type ReactNode } from "react";
import { NavLink, Outlet, useLocation } from "react-router";

type NavItem = { to: string; label: string; icon: LucideIcon };

const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Today", icon: Flame },
  { to: "/week", label: "Week", icon: BarChart3 },
  { to: "/history", label: "History", icon: History },
  { to: "/focus", label: "Focus", icon: Timer },
  { to: "/nudges", label: "Nudges", icon: Bell },
  { to: "/meetings", label: "Meetings", icon: CalendarDays },
  { to: "/prospects", label: "Prospects", icon: Users },
  { to: "/pipeline", label: "Pipeline", icon: KanbanSquare },
  { to: "/settings", label: "Settings", icon: Settings },
];

/** The cockpit's frame: a sidebar on a desktop, a menu button on a phone. */
export function AppShell({ banner }: { banner?: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Cockpit
        </span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <X aria-hidden size={20} /> : <Menu aria-hidden size={20} />}
          <span>Menu</span>
        </button>
      </header>
      <nav id="primary-nav" aria-label="Main" className={menuOpen ? "nav open" : "nav"}>
        <ul>
          {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
            <li key={to}>
              <NavLink to={to} end={to === "/"}>
                <Icon aria-hidden size={18} />
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {banner}
        <Outlet />
      </main>
    </div>
  );
}
