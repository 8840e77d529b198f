import { NextResponse } from "next/server";
import { JWKS_MAX_AGE_SECONDS } from "@/lib/auth/key-ring";
import { signingJwks } from "@/lib/auth/tokens";
import { route } from "@/lib/http/route";

// The public keys that verify access and service tokens. Cacheable for less than a next key waits
// before it signs (lib/auth/key-ring.ts), so a service that caches it has every key in time.
export const GET = route({ auth: "none" }, () =>
  NextResponse.json(signingJwks(), { headers: { "Cache-Control": `public, max-age=${JWKS_MAX_AGE_SECONDS}`, "Content-Type": "application/jwk-set+json" } }),
);
