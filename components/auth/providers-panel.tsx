"use client";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { useReloadable } from "@/components/ui/use-reloadable";
import type { LinkedProviderView } from "@/lib/auth/social-sign-in";
import type { SocialProvider } from "@/lib/auth/social-providers";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { startSocialSignIn } from "@/lib/client/social";
import { format, type Sections } from "@/lib/i18n/dictionaries";

type Notice = { tone: "success" | "error"; text: string } | null;
export type Providers = { linked: LinkedProviderView[]; available: SocialProvider[] };

async function fetchProviders(): Promise<Providers | undefined> {
  const result = await api<Providers>("/api/auth/providers");
  return result.ok ? result.data : undefined;
}

// Connect and disconnect Google, Kakao and Naver; the server keeps one way to sign in.
export function ProvidersPanel({ t, initial, initialNotice }: { t: Sections<"apiErrors" | "common" | "social">; initial: Providers; initialNotice: Notice }) {
  const [{ linked, available }, load] = useReloadable(initial, fetchProviders);
  const [busy, setBusy] = useState<SocialProvider | null>(null);
  const [notice, setNotice] = useState<Notice>(initialNotice);
  const withStepUp = useStepUp();

  async function connect(provider: SocialProvider) {
    setBusy(provider);
    setNotice(null);
    // Through `api`, which renews a lapsed access token: linking needs the session, and a recent
    // proof that it is the owner's (the start of the round trip asks for it).
    let cancelled = false;
    const call = async (path: string, init?: { method: "POST"; json: unknown }) => {
      const result = await withStepUp(() => api<unknown>(path, init));
      cancelled ||= result === null;
      return { ok: result?.ok ?? false, data: result?.ok ? result.data : undefined };
    };
    if (!(await startSocialSignIn(provider, { flow: "link" }, call))) {
      setBusy(null);
      if (!cancelled) setNotice({ tone: "error", text: t.social.errors.unavailable });
    }
  }

  async function disconnect(provider: SocialProvider) {
    setBusy(provider);
    setNotice(null);
    const result = await withStepUp(() => api(`/api/auth/providers/${provider}`, { method: "DELETE" }));
    setBusy(null);
    if (!result) return;
    if (result.ok) setNotice({ tone: "success", text: format(t.social.unlinkedNotice, { provider: t.social.names[provider] }) });
    else setNotice({ tone: "error", text: errorMessage(t, result) });
    await load();
  }

  // Linked providers stay listed even when no longer offered, so they can still be removed.
  const shown = [...new Set<SocialProvider>([...available, ...linked.map((entry) => entry.provider)])];

  return (
    <Panel id="providers" title={t.social.providersTitle}>
      <p className="text-sm text-slate-700">{t.social.providersBody}</p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <ul aria-label={t.social.providersTitle} className="flex flex-col divide-y divide-slate-100">
        {shown.map((provider) => {
          const entry = linked.find((candidate) => candidate.provider === provider);
          const name = t.social.names[provider];
          return (
            <li key={provider} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{name}</span>{" "}
                <span className="text-slate-600">{entry ? (entry.email ? format(t.social.connectedAs, { email: entry.email }) : t.social.connected) : null}</span>
              </span>
              {entry ? (
                <Button type="button" variant="secondary" busy={busy === provider} onClick={() => void disconnect(provider)} aria-label={`${t.social.disconnect} ${name}`}>
                  {t.social.disconnect}
                </Button>
              ) : (
                <Button type="button" variant="secondary" busy={busy === provider} onClick={() => void connect(provider)} aria-label={`${t.social.connect} ${name}`}>
                  {t.social.connect}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
