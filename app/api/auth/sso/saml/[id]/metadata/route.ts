import { NextResponse } from "next/server";
import { samlMetadataFor } from "@/lib/auth/sso/saml-sign-in";
import { route } from "@/lib/http/route";
import { ssoIdParams } from "@/lib/validations/sso";

// A SAML connection's SP metadata (entity id, ACS URL, signing certificate): public, since its IdP
// reads it, and nothing in it is secret. 404 for any other id; 503 while SAML sign-in is off.
export const GET = route({ auth: "none", params: ssoIdParams }, async ({ params }) => {
  const xml = await samlMetadataFor(params.id);
  return new NextResponse(xml, { headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-store" } });
});
