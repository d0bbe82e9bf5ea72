import { PageHeader } from "./page-header";

export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <section className="card">
        <p>Coming soon: {what}</p>
      </section>
    </>
  );
}
