"use client";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Panel } from "@/components/ui/panel";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { registerServiceWorker } from "@/lib/client/service-worker";
import type { Sections } from "@/lib/i18n/dictionaries";

// What the switch shows for this browser. "on" needs both halves: the browser's subscription and
// the server's copy of it (signing every device out deletes the server's, and then this is "off").
type PushState = "checking" | "on" | "off" | "blocked" | "unsupported" | "unavailable";

function supportsPush(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

// The VAPID key as PushManager.subscribe takes it everywhere: bytes, not base64url text.
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((byte, index) => byte === key[index]);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await registerServiceWorker();
  return registration ? registration.pushManager.getSubscription() : null;
}

// Event reminders as this browser's notifications (the server pushes them beside the mail). The
// server hands over its public key (null while push is not configured) and the endpoints it holds
// for the user, so the switch can tell whether this browser's subscription still counts.
export function PushPanel({ t, publicKey, endpoints }: { t: Sections<"apiErrors" | "common" | "push">; publicKey: string | null; endpoints: string[] }) {
  const [state, setState] = useState<PushState>("checking");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const texts = t.push;

  useEffect(() => {
    let cancelled = false;
    async function check(): Promise<PushState> {
      if (!publicKey) return "unavailable";
      if (!supportsPush()) return "unsupported";
      if (Notification.permission === "denied") return "blocked";
      const subscription = await currentSubscription();
      return subscription && Notification.permission === "granted" && endpoints.includes(subscription.endpoint) ? "on" : "off";
    }
    void check().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [publicKey, endpoints]);

  async function turnOn(key: string): Promise<PushState> {
    const permission = await Notification.requestPermission();
    if (permission === "denied") return "blocked";
    if (permission !== "granted") {
      setProblem(texts.dismissed);
      return "off";
    }
    const registration = await registerServiceWorker();
    if (!registration) return "unsupported";
    const applicationServerKey = keyBytes(key);
    let subscription = await registration.pushManager.getSubscription();
    // Made with an earlier key pair: the server could not push to it.
    if (subscription && !sameKey(subscription, applicationServerKey)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
    const result = await api("/api/push/subscriptions", { method: "POST", json: subscription.toJSON() });
    if (!result.ok) {
      setProblem(errorMessage(t, result));
      return "off";
    }
    return "on";
  }

  async function turnOff(): Promise<PushState> {
    const subscription = await currentSubscription();
    if (!subscription) return "off";
    const result = await api("/api/push/subscriptions", { method: "DELETE", json: { endpoint: subscription.endpoint } });
    if (!result.ok) {
      setProblem(errorMessage(t, result));
      return "on";
    }
    await subscription.unsubscribe();
    return "off";
  }

  async function toggle(wanted: boolean) {
    if (!publicKey) return;
    setBusy(true);
    setProblem(null);
    // A browser that cannot reach its push service refuses to subscribe (and a network error
    // reaches nobody): the switch stays as it was and says so.
    const next = await (wanted ? turnOn(publicKey) : turnOff()).catch(() => {
      setProblem(texts.failed);
      return wanted ? ("off" as const) : ("on" as const);
    });
    setState(next);
    setBusy(false);
  }

  const status = { checking: texts.checking, on: texts.on, off: texts.off, blocked: texts.blocked, unsupported: texts.unsupported, unavailable: texts.unavailable }[state];
  const usable = state === "on" || state === "off";
  return (
    <Panel title={texts.title}>
      <p className="text-sm text-slate-700">{texts.body}</p>
      <label className="flex items-center gap-3 text-sm font-medium">
        <input
          type="checkbox"
          role="switch"
          className="size-5 accent-teal-700"
          checked={state === "on"}
          disabled={!usable || busy}
          aria-describedby="push-status"
          onChange={(event) => void toggle(event.target.checked)}
        />
        {texts.toggle}
      </label>
      <p id="push-status" className="text-sm text-slate-600" role="status">
        {status}
      </p>
      {problem ? <Alert>{problem}</Alert> : null}
    </Panel>
  );
}
