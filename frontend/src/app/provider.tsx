import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

import { AuthGate } from "@/features/auth";
import { createQueryClient } from "@/lib/query-client";

export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AuthGate>{children}</AuthGate>
      <Toaster position="top-center" closeButton />
    </QueryClientProvider>
  );
}
