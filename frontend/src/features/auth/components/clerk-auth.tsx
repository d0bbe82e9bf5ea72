import { ClerkProvider, Show, SignIn, useAuth } from "@clerk/react";
import { useState, type ReactNode } from "react";

import { setTokenSource } from "@/lib/api-client";

type ClerkAuthProps = { publishableKey: string; children: ReactNode };

/** Clerk signs the founder in; every API call then carries Clerk's session token. */
export default function ClerkAuth({ publishableKey, children }: ClerkAuthProps) {
  return (
    <ClerkProvider publishableKey={publishableKey}>
      <Show when="signed-out">
        <main className="sign-in">
          <SignIn routing="hash" />
        </main>
      </Show>
      <Show when="signed-in">
        <ClerkToken>{children}</ClerkToken>
      </Show>
    </ClerkProvider>
  );
}

function ClerkToken({ children }: { children: ReactNode }) {
  const { getToken } = useAuth();
  // Clerk refreshes the short-lived token itself; getToken() always answers a fresh one.
  useState(() => setTokenSource(() => getToken()));
  return children;
}
