import "server-only";
import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { log } from "@/lib/log";

// A domain is proven by a TXT record only its owner can publish: this value at this name.
export const TXT_VALUE_PREFIX = "tropical-domain-verification=";

export function txtRecordName(domain: string): string {
  return `_tropical.${domain}`;
}

export function txtRecordValue(token: string): string {
  return `${TXT_VALUE_PREFIX}${token}`;
}

export function newVerificationToken(): string {
  return randomBytes(18).toString("base64url");
}

// Answers whether the domain publishes the token now. "No such record" is a plain no; a resolver
// that cannot answer at all is the DNS being unavailable, which the administrator may retry.
export async function domainPublishesToken(domain: string, token: string): Promise<boolean> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  const servers = getEnv().SSO_DNS_SERVERS;
  if (servers) resolver.setServers(servers.split(","));
  try {
    const records = await resolver.resolveTxt(txtRecordName(domain));
    // A long TXT value arrives in chunks of up to 255 bytes: they are one value.
    return records.some((chunks) => chunks.join("") === txtRecordValue(token));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENODATA" || code === "ENOTFOUND") return false;
    log("warn", "a domain proof's DNS lookup failed", { domain, code });
    throw new ApiError("SERVICE_UNAVAILABLE");
  }
}
