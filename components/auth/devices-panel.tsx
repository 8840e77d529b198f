"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { useReloadable } from "@/components/ui/use-reloadable";
import type { DeviceView } from "@/lib/auth/devices";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";

async function fetchDevices(): Promise<DeviceView[] | undefined> {
  const result = await api<{ devices: DeviceView[] }>("/api/auth/devices");
  return result.ok ? result.data.devices : undefined;
}

// The browsers the account knows. A forgotten one asks for a code at its next password sign-in;
// a trusted one (from the second step) skips the authenticator code until its date.
export function DevicesPanel({ t, locale, timeZone, initial }: { t: Sections<"apiErrors" | "common" | "settings">; locale: Locale; timeZone: string; initial: DeviceView[] }) {
  const [devices, load] = useReloadable(initial, fetchDevices);
  const [message, setMessage] = useState<string | null>(null);
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));

  async function forget(device: DeviceView) {
    setMessage(null);
    const result = await api(`/api/auth/devices/${device.id}`, { method: "DELETE" }).catch(() => null);
    if (!result) setMessage(t.common.networkError);
    else if (!result.ok) setMessage(errorMessage(t, result));
    await load();
  }

  return (
    <Panel title={t.settings.devicesTitle}>
      <p className="text-sm text-slate-700">{t.settings.devicesBody}</p>
      {message ? <Alert>{message}</Alert> : null}
      <ul aria-label={t.settings.devicesTitle} className="flex flex-col divide-y divide-slate-100">
        {devices.map((device) => (
          <li key={device.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <div>
              <p className="font-semibold text-slate-900">
                {device.name}
                {device.current ? <span className="ml-2 rounded bg-teal-50 px-1.5 py-0.5 text-xs text-teal-800">{t.settings.thisDevice}</span> : null}
              </p>
              <p className="text-slate-600">
                {format(t.settings.lastUsed, { date: when(device.lastSeenAt) })}
                {device.trustedUntil ? ` · ${format(t.settings.trustedUntil, { date: when(device.trustedUntil) })}` : ""}
              </p>
            </div>
            <Button type="button" variant="secondary" onClick={() => void forget(device)} aria-label={`${t.settings.forgetDevice}: ${device.name}`}>
              {t.settings.forgetDevice}
            </Button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
