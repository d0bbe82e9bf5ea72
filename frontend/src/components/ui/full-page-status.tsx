import type { ReactNode } from "react";

type FullPageStatusProps = { title: string; detail?: string; children?: ReactNode };

/** The whole screen for one message: loading, signed out, refused, unreachable. */
export function FullPageStatus({ title, detail, children }: FullPageStatusProps) {
  return (
    <main className="full-page-status" aria-busy={children === undefined && !detail}>
      <h1>{title}</h1>
      {detail && <p>{detail}</p>}
      {children}
    </main>
  );
}
