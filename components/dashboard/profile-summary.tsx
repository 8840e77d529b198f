"use client";
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import type { PublicUser } from "@/lib/auth/accounts";

// Loaded through the API wrapper, so an expired access token is refreshed here without a reload.
export function ProfileSummary({ loadingLabel, errorLabel }: { loadingLabel: string; errorLabel: string }) {
  const [state, setState] = useState<{ user?: PublicUser; failed?: boolean }>({});
  useEffect(() => {
    let active = true;
    api<PublicUser>("/api/auth/me")
      .then((result) => active && setState(result.ok ? { user: result.data } : { failed: true }))
      .catch(() => active && setState({ failed: true }));
    return () => {
      active = false;
    };
  }, []);
  if (state.failed) return <p className="text-sm text-red-700">{errorLabel}</p>;
  if (!state.user) return <p className="text-sm text-slate-600">{loadingLabel}</p>;
  return (
    <p className="text-sm text-slate-700" data-testid="profile-email">
      {state.user.nickname} · {state.user.email}
    </p>
  );
}
