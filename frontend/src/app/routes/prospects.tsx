import { ComingSoon } from "@/components/ui/coming-soon";

export function ProspectsRoute() {
  return <ComingSoon title="Prospects" what="prospects with search, filters and lead scores" />;
}
