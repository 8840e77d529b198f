import "server-only";
import { sameSecret } from "@/lib/auth/bearer";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";

// Compared against when the client id is unknown, so that a wrong name costs what a wrong secret does.
const UNKNOWN_CLIENT = "no such client, compared all the same";

// RFC 6749 2.3.1: the id and secret are form-encoded, then joined by a colon and base64-encoded.
function basicCredentials(header: string | null): { id: string; secret: string } | null {
  const encoded = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header ?? "")?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replaceAll("+", " ")), secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll("+", " ")) };
  } catch {
    return null;
  }
}

// A service calling TropiCal (introspection) proves itself with HTTP Basic: its name as the client
// id and the secret SERVICE_SECRETS gives it. Answers the name. Without any service credentials
// configured the endpoint does not exist, as with the other machine secrets (lib/auth/bearer.ts).
// NOTE: wrong secrets are not rate-limited, for bearer.ts's reason: they are at least 16 characters
// (lib/env.ts), meant to be random, and a refusal costs no query.
export function requireServiceClient(request: Request): string {
  const secrets = getEnv().SERVICE_SECRETS;
  if (secrets.size === 0) throw new ApiError("NOT_FOUND");
  const credentials = basicCredentials(request.headers.get("authorization"));
  const expected = credentials ? secrets.get(credentials.id) : undefined;
  const matches = sameSecret(credentials?.secret ?? "", expected ?? UNKNOWN_CLIENT);
  if (!credentials || expected === undefined || !matches) throw new ApiError("UNAUTHENTICATED", undefined, undefined, { "WWW-Authenticate": 'Basic realm="introspection"' });
  return credentials.id;
}
