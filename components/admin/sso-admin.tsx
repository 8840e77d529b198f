"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import type { ConnectionView, DomainView, SamlView } from "@/lib/auth/sso/connections";
import { api, NetworkError } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";

type T = Sections<"apiErrors" | "common" | "sso" | "validation">;
type Result = { tone: "success" | "error"; text: string } | null;

// One admin call: the step-up dialog when a recent proof is due, then the answer as a message and
// the page's data loaded again.
function useAdminCall(t: T) {
  const router = useRouter();
  const withStepUp = useStepUp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  async function call(path: string, method: "POST" | "PATCH" | "DELETE", json: unknown): Promise<boolean> {
    setBusy(true);
    setResult(null);
    try {
      const response = await withStepUp(() => api(path, { method, json }));
      if (!response) return false;
      setFields(response.ok ? {} : response.fields);
      setResult(response.ok ? { tone: "success", text: t.sso.done } : { tone: "error", text: errorMessage(t, response) });
      if (response.ok) router.refresh();
      return response.ok;
    } catch (error) {
      setResult({ tone: "error", text: error instanceof NetworkError ? t.common.networkError : t.common.genericError });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, result, fields, call };
}

function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-4" />
      {label}
    </label>
  );
}

export function SsoAdmin({ t, initial, redirectUri }: { t: T; initial: ConnectionView[]; redirectUri: string }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{t.sso.adminIntro}</p>
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t.sso.redirectUri}</h2>
        <code className="mt-1 block rounded bg-slate-100 p-2 text-sm break-all" data-testid="sso-redirect-uri">
          {redirectUri}
        </code>
      </div>
      <section aria-label={t.sso.connections} className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">{t.sso.connections}</h2>
        {initial.length === 0 ? <p className="text-slate-700">{t.sso.none}</p> : null}
        {initial.map((connection) => (
          <ConnectionCard key={connection.id} t={t} connection={connection} />
        ))}
      </section>
      <NewConnectionForm t={t} />
      <NewSamlConnectionForm t={t} />
    </div>
  );
}

function NewConnectionForm({ t }: { t: T }) {
  const [draft, setDraft] = useState({ name: "", issuer: "", clientId: "", clientSecret: "", scopes: "openid email profile", ssoRequired: false, reason: "" });
  const { busy, result, fields, call } = useAdminCall(t);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, issuer, clientId, clientSecret, scopes, ssoRequired, reason } = draft;
    const created = await call("/api/admin/sso/connections", "POST", { protocol: "OIDC", name, oidc: { issuer, clientId, clientSecret, scopes }, ssoRequired, reason });
    if (created) setDraft({ ...draft, name: "", issuer: "", clientId: "", clientSecret: "", reason: "" });
  }
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  return (
    <Form aria-label={t.sso.newConnection} noValidate onSubmit={onSubmit} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t.sso.newConnection}</h2>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <Field label={t.sso.name} name="sso-name" value={draft.name} onChange={set("name")} error={fields.name} maxLength={100} />
      <Field label={t.sso.issuer} name="sso-issuer" type="url" value={draft.issuer} onChange={set("issuer")} error={fields["oidc.issuer"]} placeholder="https://login.example.com" />
      <Field label={t.sso.clientId} name="sso-client-id" value={draft.clientId} onChange={set("clientId")} error={fields["oidc.clientId"]} autoComplete="off" />
      <Field label={t.sso.clientSecret} name="sso-client-secret" type="password" value={draft.clientSecret} onChange={set("clientSecret")} error={fields["oidc.clientSecret"]} autoComplete="off" />
      <Field label={t.sso.scopes} name="sso-scopes" value={draft.scopes} onChange={set("scopes")} error={fields["oidc.scopes"]} />
      <Checkbox label={t.sso.ssoRequired} checked={draft.ssoRequired} onChange={(ssoRequired) => setDraft({ ...draft, ssoRequired })} />
      <Field label={t.sso.reason} name="sso-reason" value={draft.reason} onChange={set("reason")} error={fields.reason} maxLength={500} />
      <Button type="submit" disabled={busy}>
        {t.sso.create}
      </Button>
    </Form>
  );
}

// Exactly one of the two is sent: the API refuses both or neither.
function metadataSource(metadataUrl: string, metadataXml: string): { metadataUrl?: string; metadataXml?: string } {
  return { ...(metadataUrl.trim() ? { metadataUrl: metadataUrl.trim() } : {}), ...(metadataXml.trim() ? { metadataXml } : {}) };
}

function NewSamlConnectionForm({ t }: { t: T }) {
  const [draft, setDraft] = useState({ name: "", metadataUrl: "", metadataXml: "", ssoRequired: false, reason: "" });
  const { busy, result, fields, call } = useAdminCall(t);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, metadataUrl, metadataXml, ssoRequired, reason } = draft;
    const created = await call("/api/admin/sso/connections", "POST", { protocol: "SAML", name, saml: metadataSource(metadataUrl, metadataXml), ssoRequired, reason });
    if (created) setDraft({ ...draft, name: "", metadataUrl: "", metadataXml: "", reason: "" });
  }
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  return (
    <Form aria-label={t.sso.newSamlConnection} noValidate onSubmit={onSubmit} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t.sso.newSamlConnection}</h2>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <Field label={t.sso.name} name="saml-name" value={draft.name} onChange={set("name")} error={fields.name} maxLength={100} />
      <Field
        label={t.sso.samlMetadataUrl}
        name="saml-metadata-url"
        type="url"
        value={draft.metadataUrl}
        onChange={set("metadataUrl")}
        error={fields["saml.metadataUrl"]}
        placeholder="https://idp.example.com/metadata"
      />
      <TextareaField label={t.sso.samlMetadataXml} name="saml-metadata-xml" value={draft.metadataXml} onChange={set("metadataXml")} error={fields["saml.metadataXml"]} rows={4} />
      <Checkbox label={t.sso.ssoRequired} checked={draft.ssoRequired} onChange={(ssoRequired) => setDraft({ ...draft, ssoRequired })} />
      <Field label={t.sso.reason} name="saml-reason" value={draft.reason} onChange={set("reason")} error={fields.reason} maxLength={500} />
      <Button type="submit" disabled={busy}>
        {t.sso.create}
      </Button>
    </Form>
  );
}

// What the IdP's administrator copies into the IdP: TropiCal's side of this connection.
function ServiceProviderDetails({ t, saml }: { t: T; saml: SamlView }) {
  const rows: [string, string][] = [
    [t.sso.spEntityId, saml.sp.entityId],
    [t.sso.spAcsUrl, saml.sp.acsUrl],
  ];
  return (
    <div className="flex flex-col gap-2 rounded border border-slate-200 p-2" data-testid="saml-sp">
      <h4 className="font-semibold">{t.sso.spTitle}</h4>
      <dl className="flex flex-col gap-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="font-medium">{label}</dt>
            <dd>
              <code className="block rounded bg-slate-100 p-1 break-all">{value}</code>
            </dd>
          </div>
        ))}
        <div>
          <dt className="font-medium">{t.sso.spCertificate}</dt>
          <dd>{saml.sp.certificate ? <pre className="overflow-x-auto rounded bg-slate-100 p-1 text-xs">{saml.sp.certificate}</pre> : <Alert tone="error">{t.sso.spOff}</Alert>}</dd>
        </div>
        <div>
          <dt className="font-medium">{t.sso.idpEntityId}</dt>
          <dd className="break-all">{saml.idpEntityId}</dd>
        </div>
      </dl>
    </div>
  );
}

function ConnectionCard({ t, connection }: { t: T; connection: ConnectionView }) {
  const [draft, setDraft] = useState({
    name: connection.name,
    issuer: connection.oidc?.issuer ?? "",
    clientId: connection.oidc?.clientId ?? "",
    clientSecret: "",
    scopes: connection.oidc?.scopes ?? "",
    ssoRequired: connection.ssoRequired,
    enabled: connection.enabled,
    metadataUrl: "",
    metadataXml: "",
    reason: "",
    domain: "",
  });
  const { busy, result, fields, call } = useAdminCall(t);
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const base = `/api/admin/sso/connections/${connection.id}`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, issuer, clientId, clientSecret, scopes, metadataUrl, metadataXml, ssoRequired, enabled, reason } = draft;
    const oidc = connection.oidc ? { issuer, clientId, scopes, ...(clientSecret ? { clientSecret } : {}) } : undefined;
    const saml = connection.saml && (metadataUrl.trim() || metadataXml.trim()) ? metadataSource(metadataUrl, metadataXml) : undefined;
    if (await call(base, "PATCH", { name, oidc, saml, ssoRequired, enabled, reason })) setDraft({ ...draft, clientSecret: "", metadataUrl: "", metadataXml: "", reason: "" });
  }
  async function addDomain() {
    // The reason stays: proving the domain, next, is usually done for the same one.
    if (await call(`${base}/domains`, "POST", { domain: draft.domain, reason: draft.reason })) setDraft({ ...draft, domain: "" });
  }
  return (
    <Form aria-label={connection.name} noValidate onSubmit={save} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-lg font-semibold">{connection.name}</h3>
        <span className="rounded bg-slate-100 px-2 text-sm">{connection.protocol}</span>
        {connection.ssoRequired ? <span className="rounded bg-amber-100 px-2 text-sm">{t.sso.requiredBadge}</span> : null}
        {connection.enabled ? null : <span className="rounded bg-slate-200 px-2 text-sm">{t.sso.disabledBadge}</span>}
      </div>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <Field label={t.sso.name} name={`name-${connection.id}`} value={draft.name} onChange={set("name")} error={fields.name} maxLength={100} />
      {connection.oidc ? (
        <>
          <Field label={t.sso.issuer} name={`issuer-${connection.id}`} type="url" value={draft.issuer} onChange={set("issuer")} error={fields["oidc.issuer"]} />
          <Field label={t.sso.clientId} name={`client-${connection.id}`} value={draft.clientId} onChange={set("clientId")} error={fields["oidc.clientId"]} autoComplete="off" />
          <Field
            label={t.sso.clientSecretKeep}
            name={`secret-${connection.id}`}
            type="password"
            value={draft.clientSecret}
            onChange={set("clientSecret")}
            error={fields["oidc.clientSecret"]}
            hint={connection.hasSecret ? t.sso.secretSet : undefined}
            autoComplete="off"
          />
          <Field label={t.sso.scopes} name={`scopes-${connection.id}`} value={draft.scopes} onChange={set("scopes")} error={fields["oidc.scopes"]} />
        </>
      ) : null}
      {connection.saml ? (
        <>
          <ServiceProviderDetails t={t} saml={connection.saml} />
          <Field
            label={t.sso.samlMetadataUrlNew}
            name={`metadata-url-${connection.id}`}
            type="url"
            value={draft.metadataUrl}
            onChange={set("metadataUrl")}
            error={fields["saml.metadataUrl"]}
            placeholder={connection.saml.metadataUrl ?? undefined}
          />
          <TextareaField label={t.sso.samlMetadataXmlNew} name={`metadata-xml-${connection.id}`} value={draft.metadataXml} onChange={set("metadataXml")} error={fields["saml.metadataXml"]} rows={3} />
        </>
      ) : null}
      <Checkbox label={t.sso.ssoRequired} checked={draft.ssoRequired} onChange={(ssoRequired) => setDraft({ ...draft, ssoRequired })} />
      <Checkbox label={t.sso.enabled} checked={draft.enabled} onChange={(enabled) => setDraft({ ...draft, enabled })} />
      <h4 className="font-semibold">{t.sso.domains}</h4>
      <ul className="flex flex-col gap-2">
        {connection.domains.map((domain) => (
          <DomainRow key={domain.id} t={t} domain={domain} busy={busy} act={(path, method, json) => call(path, method, { ...json, reason: draft.reason })} />
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t.sso.domain} name={`domain-${connection.id}`} value={draft.domain} onChange={set("domain")} error={fields.domain} placeholder="example.com" />
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void addDomain()}>
          {t.sso.addDomain}
        </Button>
      </div>
      <Field label={t.sso.reason} name={`reason-${connection.id}`} value={draft.reason} onChange={set("reason")} error={fields.reason} maxLength={500} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {t.sso.save}
        </Button>
        <Button type="button" variant="danger" disabled={busy} onClick={() => void call(base, "DELETE", { reason: draft.reason })}>
          {t.sso.remove}
        </Button>
      </div>
    </Form>
  );
}

function DomainRow({ t, domain, busy, act }: { t: T; domain: DomainView; busy: boolean; act: (path: string, method: "POST" | "DELETE", json: Record<string, unknown>) => Promise<boolean> }) {
  const base = `/api/admin/sso/domains/${domain.id}`;
  return (
    <li className="flex flex-col gap-1 rounded border border-slate-200 p-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{domain.domain}</span>
        <span className={`rounded px-2 text-sm ${domain.verified ? "bg-teal-100" : "bg-slate-100"}`}>{domain.verified ? t.sso.verified : t.sso.unverified}</span>
      </div>
      {domain.verified ? null : (
        <>
          <p className="text-sm break-all text-slate-700">{format(t.sso.txtHelp, { name: domain.txtName, value: domain.txtValue })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void act(`${base}/verify`, "POST", { method: "DNS" })}>
              {t.sso.verifyDns}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void act(`${base}/verify`, "POST", { method: "MANUAL" })}>
              {t.sso.verifyManual}
            </Button>
          </div>
        </>
      )}
      <div>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void act(base, "DELETE", {})}>
          {t.sso.removeDomain}
        </Button>
      </div>
    </li>
  );
}
