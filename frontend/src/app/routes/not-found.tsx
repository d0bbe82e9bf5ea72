import { Link } from "react-router";

import { PageHeader } from "@/components/ui/page-header";

export function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page here. <Link to="/">Back to Today</Link>
      </p>
    </>
  );
}
