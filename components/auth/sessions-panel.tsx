"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { useReloadable } from "@/components/ui/use-reloadable";
import { api, NetworkError, type ApiResult } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { loadPage } from "@/lib/client/navigation";
import { describeDevice } from "@/lib/auth/device";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";
import type { ActivityView } from "@/lib/auth/security-events";
import type { SessionView } from "@/lib/auth/sessions";

async function fetchSessions(): Promise<SessionView[] | undefined> {
  const result = await api<{ sessions: SessionView[] }>("/api/auth/sessions");
  return result.ok ? result.data.sessions : undefined;
}

async function fetchActivity(): Promise<ActivityView[] | undefined> {
  const result = await api<{ events: ActivityView[] }>("/api/auth/activity");
  return result.ok ? result.data.events : undefined;
}

export function SessionsPanel({
  t,
  locale,
  timeZone,
  initialSessions,
  initialEvents,
}: {
  t: Sections<"apiErrors" | "common" | "settings">;
  locale: Locale;
  timeZone: string;
  initialSessions: SessionView[];
  initialEvents: ActivityView[];
}) {
  const [sessions, reloadSessions] = useReloadable(initialSessions, fetchSessions);
  const [events, reloadEvents] = useReloadable(initialEvents, fetchActivity);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // 24-hour times: the server's ICU has no Korean day periods, and this text is drawn there first.
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone }).format(new Date(iso));

  const load = async () => {
    await Promise.all([reloadSessions(), reloadEvents()]);
  };

  async function act(request: () => Promise<ApiResult<unknown>>, leaving: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await request();
      if (result.ok && leaving) {
        loadPage("/login");
        return;
      }
      if (!result.ok) setMessage({ tone: "error", text: errorMessage(t, result) });
      await load();
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof NetworkError ? t.common.networkError : t.common.genericError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Panel title={t.settings.sessionsTitle}>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <ul aria-label={t.settings.sessionsTitle} className="flex flex-col divide-y divide-slate-100">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="text-sm">
                <p className="font-semibold text-slate-900">
                  {describeDevice(session.userAgent)}
                  {session.current ? <span className="ml-2 rounded-full bg-teal-100 px-2 py-0.5 text-xs text-teal-900">{t.settings.thisDevice}</span> : null}
                </p>
                <p className="text-slate-600">
                  {[session.ip ?? "?", session.country].filter(Boolean).join(" · ")} · {format(t.settings.signedInAt, { date: when(session.createdAt) })} ·{" "}
                  {format(t.settings.lastUsed, { date: when(session.lastUsedAt) })}
                </p>
              </div>
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => void act(() => api(`/api/auth/sessions/${session.id}`, { method: "DELETE" }), session.current)}
                aria-label={`${t.settings.signOutDevice}: ${describeDevice(session.userAgent)}${session.current ? ` (${t.settings.thisDevice})` : ""}`}
              >
                {t.settings.signOutDevice}
              </Button>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const result = await api<{ revoked: number }>("/api/auth/sessions/revoke", { method: "POST", json: { scope: "others" } });
                if (result.ok) setMessage({ tone: "success", text: format(t.settings.signedOutOthers, { count: result.data.revoked }) });
                return result;
              }, false)
            }
          >
            {t.settings.signOutOthers}
          </Button>
          <Button variant="secondary" disabled={busy} className="text-red-700" onClick={() => void act(() => api("/api/auth/sessions/revoke", { method: "POST", json: { scope: "all" } }), true)}>
            {t.settings.signOutAll}
          </Button>
        </div>
      </Panel>
      <Panel title={t.settings.activityTitle}>
        {events.length === 0 ? <p className="text-sm text-slate-600">{t.settings.noActivity}</p> : null}
        <ul aria-label={t.settings.activityTitle} className="flex flex-col divide-y divide-slate-100 text-sm">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span className={event.type === "LOGIN_SUCCESS" ? "text-slate-900" : "font-semibold text-rose-800"}>
                {t.settings.events[event.type]}
                {event.newDevice ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t.settings.newDevice}</span> : null}
                {event.newCountry ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t.settings.newCountry}</span> : null}
              </span>
              <span className="text-slate-600">
                {[describeDevice(event.userAgent), event.ip ?? "?", event.country].filter(Boolean).join(" · ")} · {when(event.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
