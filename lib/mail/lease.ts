import "server-only";
import { getEnv } from "@/lib/env";

export interface MailTimings {
  // How long a claimed intent is held (lib/mail/outbox.ts); past it, another process may send it.
  leaseMs: number;
  // The whole of one SMTP attempt, after which it is abandoned and its connection closed.
  attemptMs: number;
  // nodemailer's own limits: connecting (the DNS lookup, the greeting and STARTTLS included), the
  // greeting alone, and silence on the socket at any later point.
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

// Every wait of one attempt is cut from the lease here and nowhere else, so that no attempt can
// outlive its claim and another process send the same mail meanwhile. Half the lease goes to the
// attempt (the rest covers the queries around it); within that, each of nodemailer's limits gets a
// third, so a server that stalls at one step fails with that step's timeout. The per-step limits
// alone do not bound an attempt (a server that answers a little at a time never falls silent), so
// the attempt as a whole is cut at `attemptMs` as well (lib/mail/send.ts).
export function mailTimings(): MailTimings {
  const leaseMs = getEnv().MAIL_LEASE_SECONDS * 1000;
  const attemptMs = leaseMs / 2;
  const stepMs = Math.floor(attemptMs / 3);
  return { leaseMs, attemptMs, connectionTimeout: stepMs, greetingTimeout: stepMs, socketTimeout: stepMs };
}
