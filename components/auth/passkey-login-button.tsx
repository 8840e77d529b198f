"use client";
import type { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";
import type { Dictionary } from "@/lib/i18n/dictionaries";

// Discoverable credentials: the browser offers this site's passkeys, so no e-mail is asked first.
export function PasskeyLoginButton({ t, next }: { t: Dictionary; next: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function signIn() {
    setBusy(true);
    setFailed(false);
    try {
      // The WebAuthn helper comes with the click, beside the options: the login page does not carry it.
      const [options, webauthn] = await Promise.all([
        api<Parameters<typeof startAuthentication>[0]["optionsJSON"]>("/api/auth/passkeys/login/options", { method: "POST" }),
        import("@simplewebauthn/browser"),
      ]);
      if (!options.ok) throw new Error(options.code);
      const response = await webauthn.startAuthentication({ optionsJSON: options.data });
      const result = await api("/api/auth/passkeys/login", { method: "POST", json: { response } });
      if (!result.ok) throw new Error(result.code);
      window.location.assign(next);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      {failed ? <Alert>{t.strong.passkeyFailed}</Alert> : null}
      <Button type="button" variant="secondary" busy={busy} busyLabel={t.common.submitting} onClick={() => void signIn()}>
        {t.strong.passkeyLogin}
      </Button>
    </div>
  );
}
