import { NextResponse } from "next/server";
import { JWKS_MAX_AGE_SECONDS } from "@/lib/auth/key-ring";
import { tokenIssuer } from "@/lib/auth/tokens";
import { route } from "@/lib/http/route";

// RFC 8414 metadata, so a resource server's library finds the JWKS from the issuer alone.
export const GET = route({ auth: "none" }, () => {
  const issuer = tokenIssuer();
  return NextResponse.json(
    {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      introspection_endpoint: `${issuer}/api/auth/introspect`,
      introspection_endpoint_auth_methods_supported: ["client_secret_basic"],
      // No authorization or token endpoint for third parties: TropiCal issues tokens to its own users.
      response_types_supported: [],
    },
    { headers: { "Cache-Control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` } },
  );
});
