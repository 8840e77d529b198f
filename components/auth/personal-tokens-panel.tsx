"use client";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { Form } from "@/components/ui/form";
import { Panel } from "@/components/ui/panel";
import { useReloadable } from "@/components/ui/use-reloadable";
import type { PersonalTokenView } from "@/lib/auth/personal-tokens";
import { api } from "@/lib/client/api";
import { errorMessage, firstProblem } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import { PERSONAL_TOKEN_DAYS, PERSONAL_TOKEN_NAME_MAX, PERSONAL_TOKEN_SCOPES, type PersonalTokenScope } from "@/lib/validations/personal-token-rules";

type Texts = Sections<"apiErrors" | "common" | "personalTokens">;
type Notice = { tone: "success" | "error"; text: string } | null;

async function fetchTokens(): Promise<PersonalTokenView[] | undefined> {
  const result = await api<{ tokens: PersonalTokenView[] }>("/api/auth/tokens");
  return result.ok ? result.data.tokens : undefined;
}

// Tokens for the user's own scripts: made here (with a recent proof), shown once in the answer that
// made them, listed by name and prefix, revoked at once.
// Dates in the zone the page is drawn in, the same on the server and in the browser.
export function PersonalTokensPanel({ t, locale, timeZone, initial }: { t: Texts; locale: Locale; timeZone: string; initial: PersonalTokenView[] }) {
  const [tokens, load] = useReloadable(initial, fetchTokens);
  const [created, setCreated] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const texts = t.personalTokens;

  async function revoke(token: PersonalTokenView) {
    setNotice(null);
    const result = await api(`/api/auth/tokens/${token.id}`, { method: "DELETE" }).catch(() => null);
    if (!result) setNotice({ tone: "error", text: t.common.networkError });
    else if (!result.ok) setNotice({ tone: "error", text: errorMessage(t, result) });
    else setNotice({ tone: "success", text: texts.revoked });
    await load();
  }

  async function copy() {
    if (!created) return;
    const copied = await navigator.clipboard.writeText(created).then(
      () => true,
      () => false,
    );
    setNotice(copied ? { tone: "success", text: texts.copied } : null);
  }

  return (
    <Panel id="personal-tokens" title={texts.title}>
      <p className="text-sm text-slate-700">{texts.body}</p>
      <CreateTokenForm
        t={t}
        onCreated={async (token) => {
          setCreated(token);
          setNotice({ tone: "success", text: texts.created });
          await load();
        }}
        onFailed={setNotice}
      />
      {created ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
            <span className="font-medium">{texts.tokenLabel}</span>
            <Input readOnly value={created} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
          </label>
          <Button type="button" variant="secondary" className="self-end" onClick={() => void copy()}>
            {texts.copy}
          </Button>
        </div>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {tokens.length === 0 ? <p className="text-sm text-slate-600">{texts.none}</p> : null}
      <ul aria-label={texts.title} className="flex flex-col divide-y divide-slate-100">
        {tokens.map((token) => (
          <TokenRow key={token.id} t={t} locale={locale} timeZone={timeZone} token={token} onRevoke={() => void revoke(token)} />
        ))}
      </ul>
    </Panel>
  );
}

function TokenRow({ t, locale, timeZone, token, onRevoke }: { t: Texts; locale: Locale; timeZone: string; token: PersonalTokenView; onRevoke: () => void }) {
  const texts = t.personalTokens;
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));
  const scopeNames = token.scopes.map((scope) => (isScope(scope) ? texts.scopeNames[scope] : scope)).join(", ");
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <div>
        <p className="font-semibold text-slate-900">
          {token.name} <span className="font-mono text-xs font-normal text-slate-600">{token.prefix}…</span>
        </p>
        <p className="text-slate-600">{scopeNames}</p>
        <p className={token.expired ? "text-red-700" : "text-slate-600"}>
          {format(token.expired ? texts.expired : texts.expires, { date: when(token.expiresAt) })} · {token.lastUsedAt ? format(texts.lastUsed, { date: when(token.lastUsedAt) }) : texts.neverUsed}
        </p>
      </div>
      <Button type="button" variant="secondary" className="text-red-700" onClick={onRevoke} aria-label={`${texts.revoke}: ${token.name}`}>
        {texts.revoke}
      </Button>
    </li>
  );
}

function isScope(value: string): value is PersonalTokenScope {
  return (PERSONAL_TOKEN_SCOPES as readonly string[]).includes(value);
}

function CreateTokenForm({ t, onCreated, onFailed }: { t: Texts; onCreated: (token: string) => Promise<void>; onFailed: (notice: Notice) => void }) {
  const texts = t.personalTokens;
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<PersonalTokenScope[]>(["planner:read"]);
  const [days, setDays] = useState<string>("30");
  const [busy, setBusy] = useState(false);
  const withStepUp = useStepUp();

  async function submit() {
    setBusy(true);
    onFailed(null);
    try {
      const result = await withStepUp(() => api<{ token: string }>("/api/auth/tokens", { method: "POST", json: { name, scopes, expiresInDays: Number(days) } })).catch(() => undefined);
      // null: the step-up dialog was cancelled, nothing to say.
      if (result === null) return;
      if (!result) return onFailed({ tone: "error", text: t.common.networkError });
      if (!result.ok) return onFailed({ tone: "error", text: firstProblem(t, result) });
      setName("");
      await onCreated(result.data.token);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      className="flex flex-col gap-3 rounded-lg bg-slate-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{texts.name}</span>
        <Input value={name} required maxLength={PERSONAL_TOKEN_NAME_MAX} onChange={(event) => setName(event.target.value)} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium">{texts.scopes}</legend>
        {PERSONAL_TOKEN_SCOPES.map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <Input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((entry) => entry !== scope)))}
            />
            {texts.scopeNames[scope]}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{texts.expiry}</span>
        <Select value={days} onChange={(event) => setDays(event.target.value)} className="self-start rounded border border-slate-300 px-2 py-1">
          {PERSONAL_TOKEN_DAYS.map((option) => (
            <option key={option} value={String(option)}>
              {texts.days[`${option}`]}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" className="self-start" busy={busy} busyLabel={t.common.submitting}>
        {texts.create}
      </Button>
    </Form>
  );
}
