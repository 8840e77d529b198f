"use client";
import type { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { loadPage } from "@/lib/client/navigation";
import type { Sections } from "@/lib/i18n/dictionaries";

// Discoverable credentials: the browser offers this site's passkeys, so no e-mail is asked first.
export function PasskeyLoginButton({ t, next }: { t: Sections<"apiErrors" | "common" | "strong">; next: string }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A refused passkey is "could not sign in with a passkey"; a wait or an unverified address says so.
  const refused = (failed: { code: string; retryAfter?: number }) => {
    setFailure(errorMessage(t, failed, { INVALID_CREDENTIALS: t.strong.passkeyFailed, INVALID_INPUT: t.strong.passkeyFailed }));
    setBusy(false);
  };
  async function signIn() {
    setBusy(true);
    setFailure(null);
    try {
      // The WebAuthn helper comes with the click, beside the options: the login page does not carry it.
      const [options, webauthn] = await Promise.all([
        api<Parameters<typeof startAuthentication>[0]["optionsJSON"]>("/api/auth/passkeys/login/options", { method: "POST" }),
        import("@simplewebauthn/browser"),
      ]);
      if (!options.ok) return refused(options);
      const response = await webauthn.startAuthentication({ optionsJSON: options.data });
      const result = await api("/api/auth/passkeys/login", { method: "POST", json: { response } });
      if (!result.ok) return refused(result);
      loadPage(next);
    } catch {
      // The browser's prompt was cancelled or failed, or the network was down.
      setFailure(t.strong.passkeyFailed);
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      {failure ? <Alert>{failure}</Alert> : null}
      <Button type="button" variant="secondary" busy={busy} busyLabel={t.common.submitting} onClick={() => void signIn()}>
        {t.strong.passkeyLogin}
      </Button>
    </div>
  );
}
