"use client";
import { PagedTable, type Page } from "@/components/admin/paged-table";
import { Input, Select } from "@/components/ui/controls";
import { api } from "@/lib/client/api";
import type { UserRow } from "@/lib/auth/admin";
import type { Dictionary, Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";

interface EventRow {
  id: string;
  type: keyof Dictionary["settings"]["events"];
  method: string | null;
  reason: string | null;
  ip: string | null;
  country: string | null;
  email: string | null;
  createdAt: string;
}

interface AuditRow {
  id: string;
  actor: string;
  actorEmail: string | null;
  action: string;
  targetEmail: string | null;
  reason: string;
  createdAt: string;
}

async function loadUsers(query: string): Promise<Page<UserRow> | null> {
  const result = await api<{ users: UserRow[]; page: number; pages: number }>(`/api/admin/users?${query}`);
  return result.ok ? { rows: result.data.users, page: result.data.page, pages: result.data.pages } : null;
}

async function loadEvents(query: string): Promise<Page<EventRow> | null> {
  const result = await api<{ events: EventRow[]; page: number; pages: number }>(`/api/admin/security/events?${query}`);
  return result.ok ? { rows: result.data.events, page: result.data.page, pages: result.data.pages } : null;
}

async function loadAudit(query: string): Promise<Page<AuditRow> | null> {
  const result = await api<{ entries: AuditRow[]; page: number; pages: number }>(`/api/admin/audit?${query}`);
  return result.ok ? { rows: result.data.entries, page: result.data.page, pages: result.data.pages } : null;
}

const input = "rounded-lg border border-slate-300 px-2 py-1.5";

// One free-text search box, for the lists that filter by `q`.
function searchFilter(t: Sections<"admin" | "common" | "planner" | "settings">) {
  return function SearchBox(value: { q: string }, edit: (change: Partial<{ q: string }>) => void) {
    return (
      <label className="flex flex-col text-sm">
        {t.admin.search}
        <Input value={value.q} onChange={(event) => edit({ q: event.target.value })} className={input} />
      </label>
    );
  };
}

export function EventsTable({ t, locale }: { t: Sections<"admin" | "common" | "planner" | "settings">; locale: Locale }) {
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(iso));
  const types = Object.keys(t.settings.events) as (keyof Dictionary["settings"]["events"])[];
  return (
    <PagedTable<EventRow, { type: string; email: string }>
      t={t}
      label={t.admin.events}
      load={loadEvents}
      initialFilters={{ type: "", email: "" }}
      filters={(value, edit) => (
        <>
          <label className="flex flex-col text-sm">
            {t.admin.filter}
            <Select value={value.type} onChange={(event) => edit({ type: event.target.value })} className={input}>
              <option value="">{t.admin.allTypes}</option>
              {types.map((type) => (
                <option key={type} value={type}>
                  {t.settings.events[type]}
                </option>
              ))}
            </Select>
          </label>
          <label className="flex flex-col text-sm">
            {t.admin.email}
            <Input value={value.email} onChange={(event) => edit({ email: event.target.value })} className={input} />
          </label>
        </>
      )}
      header={
        <tr>
          <th className="py-1 pr-3">{t.admin.when}</th>
          <th className="py-1 pr-3">{t.admin.action}</th>
          <th className="py-1 pr-3">{t.admin.email}</th>
          <th className="py-1 pr-3">IP</th>
        </tr>
      }
      row={(event) => (
        <tr key={event.id}>
          <td className="py-1 pr-3 whitespace-nowrap">{when(event.createdAt)}</td>
          <td className="py-1 pr-3">
            {t.settings.events[event.type]}
            {event.method ? <span className="text-slate-500"> · {event.method}</span> : null}
            {event.reason ? <span className="block text-xs text-slate-500">{event.reason}</span> : null}
          </td>
          <td className="py-1 pr-3">{event.email ?? "—"}</td>
          <td className="py-1 pr-3">{[event.ip, event.country].filter(Boolean).join(" · ") || "—"}</td>
        </tr>
      )}
    />
  );
}

export function AuditTable({ t, locale }: { t: Sections<"admin" | "common" | "planner" | "settings">; locale: Locale }) {
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(iso));
  return (
    <PagedTable<AuditRow, { q: string }>
      t={t}
      label={t.admin.audit}
      load={loadAudit}
      initialFilters={{ q: "" }}
      filters={searchFilter(t)}
      header={
        <tr>
          <th className="py-1 pr-3">{t.admin.when}</th>
          <th className="py-1 pr-3">{t.admin.actor}</th>
          <th className="py-1 pr-3">{t.admin.action}</th>
          <th className="py-1 pr-3">{t.admin.target}</th>
          <th className="py-1 pr-3">{t.admin.reason}</th>
        </tr>
      }
      row={(entry) => (
        <tr key={entry.id}>
          <td className="py-1 pr-3 whitespace-nowrap">{when(entry.createdAt)}</td>
          <td className="py-1 pr-3">{entry.actorEmail ?? entry.actor}</td>
          <td className="py-1 pr-3 font-mono text-xs">{entry.action}</td>
          <td className="py-1 pr-3">{entry.targetEmail ?? "—"}</td>
          <td className="py-1 pr-3">{entry.reason}</td>
        </tr>
      )}
    />
  );
}

// Accounts by address or nickname; choosing one fills the action form beside the table.
export function UsersTable({ t, locale, onChoose }: { t: Sections<"admin" | "common" | "planner" | "settings">; locale: Locale; onChoose: (email: string) => void }) {
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(new Date(iso));
  return (
    <PagedTable<UserRow, { q: string }>
      t={t}
      label={t.admin.users}
      load={loadUsers}
      initialFilters={{ q: "" }}
      filters={searchFilter(t)}
      header={
        <tr>
          <th className="py-1 pr-3">{t.admin.email}</th>
          <th className="py-1 pr-3">{t.common.nickname}</th>
          <th className="py-1 pr-3">{t.admin.status}</th>
          <th className="py-1 pr-3">{t.admin.joined}</th>
          <th className="py-1 pr-3">
            <span className="sr-only">{t.admin.choose}</span>
          </th>
        </tr>
      }
      row={(user) => (
        <tr key={user.id}>
          <td className="py-1 pr-3">{user.email}</td>
          <td className="py-1 pr-3">{user.nickname}</td>
          <td className="py-1 pr-3">
            {[
              user.role === "ADMIN" ? t.admin.roleAdmin : null,
              user.secondFactor ? t.admin.hasSecondFactor : null,
              user.emailVerified ? null : t.admin.unverified,
              user.disabledAt ? t.admin.disabled : null,
            ]
              .filter(Boolean)
              .join(" · ") || "—"}
            {user.disabledReason ? <span className="block text-xs text-slate-500">{user.disabledReason}</span> : null}
          </td>
          <td className="py-1 pr-3 whitespace-nowrap">{when(user.createdAt)}</td>
          <td className="py-1 pr-3">
            <button type="button" className="font-semibold text-teal-800 underline" onClick={() => onChoose(user.email)} aria-label={`${t.admin.choose}: ${user.email}`}>
              {t.admin.choose}
            </button>
          </td>
        </tr>
      )}
    />
  );
}
