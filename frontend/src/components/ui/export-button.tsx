import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

/** A button that fetches a CSV from the server (with the session token) and saves it. */
export function ExportButton({ label, onExport }: { label: string; onExport: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await onExport();
    } catch (error) {
      toast.error(`Not exported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="button secondary" disabled={busy} onClick={() => void run()}>
      <Download aria-hidden size={16} /> {label}
    </button>
  );
}
