import { z } from "zod";
import { emailSchema } from "@/lib/validations/auth";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

const message = (key: ValidationMessageKey) => ({ error: key });

// A host name a company owns: letters, digits and dashes in dot-separated labels, lower-cased, at
// least one dot, no trailing dot, no IP address.
export const ssoDomainSchema = z
  .string(message("domainInvalid"))
  .trim()
  .toLowerCase()
  .max(253, message("domainInvalid"))
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/, message("domainInvalid"));

const name = z.string(message("connectionNameRequired")).trim().min(1, message("connectionNameRequired")).max(100, message("textTooLong"));
const reason = z.string({ error: "reasonRequired" }).trim().min(3, "reasonRequired").max(500, "textTooLong");

// An OIDC issuer: https, or http on the loopback only where the operator allows it (the local
// provider in development and tests; lib/auth/sso/oidc.ts checks the flag).
export const issuerSchema = z
  .url({ protocol: /^https?$/, error: "issuerInvalid" })
  .max(500, message("issuerInvalid"))
  .transform((value) => value.replace(/\/+$/, ""));

const scopes = z
  .string(message("scopesInvalid"))
  .trim()
  .max(500, message("scopesInvalid"))
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/, message("scopesInvalid"))
  .refine((value) => value.split(" ").includes("openid"), message("scopesInvalid"));

// What an OIDC connection keeps in SsoConnection.settings (never the secret).
export const oidcSettingsSchema = z.object({
  issuer: issuerSchema,
  clientId: z.string(message("clientIdRequired")).trim().min(1, message("clientIdRequired")).max(255, message("clientIdRequired")),
  scopes: scopes.default("openid email profile"),
});
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;

const clientSecret = z.string(message("clientSecretRequired")).min(1, message("clientSecretRequired")).max(1000, message("textTooLong"));

// Where a SAML connection's IdP metadata comes from: the XML pasted, or a URL TropiCal fetches it
// from (lib/auth/sso/saml.ts parses it and checks the URL); exactly one of them.
// Metadata with a few certificates and endpoints is a few kilobytes; this leaves room for federation
// extras while keeping a hostile or mistaken URL from filling memory.
export const SAML_METADATA_MAX_CHARS = 256 * 1024;
const samlMetadataSource = z
  .strictObject({
    metadataXml: z.string(message("samlMetadataRequired")).trim().max(SAML_METADATA_MAX_CHARS, message("textTooLong")).optional(),
    metadataUrl: z
      .url({ protocol: /^https?$/, error: "samlMetadataUrlInvalid" })
      .max(2048, message("samlMetadataUrlInvalid"))
      .optional(),
  })
  .transform((source, context): { metadataXml: string } | { metadataUrl: string } => {
    if (source.metadataXml && !source.metadataUrl) return { metadataXml: source.metadataXml };
    if (source.metadataUrl && !source.metadataXml) return { metadataUrl: source.metadataUrl };
    context.addIssue({ code: "custom", path: ["metadataXml"], message: "samlMetadataRequired" });
    return z.NEVER;
  });

// Creating a connection: the protocol's settings beside the common ones.
export const connectionCreateSchema = z.discriminatedUnion("protocol", [
  z.strictObject({
    protocol: z.literal("OIDC"),
    name,
    oidc: z.strictObject({ issuer: issuerSchema, clientId: oidcSettingsSchema.shape.clientId, scopes: scopes.optional(), clientSecret }),
    ssoRequired: z.boolean(message("invalidValue")).default(false),
    enabled: z.boolean(message("invalidValue")).default(true),
    reason,
  }),
  z.strictObject({
    protocol: z.literal("SAML"),
    name,
    saml: samlMetadataSource,
    ssoRequired: z.boolean(message("invalidValue")).default(false),
    enabled: z.boolean(message("invalidValue")).default(true),
    reason,
  }),
]);
// A connection's metadata can be the size of the body's largest field, with JSON around it.
export const CONNECTION_MAX_BODY_BYTES = SAML_METADATA_MAX_CHARS + 16 * 1024;
export type ConnectionCreateInput = z.infer<typeof connectionCreateSchema>;

// Changing one: any of these; a client secret only when a new one is given (the old one is never shown).
export const connectionUpdateSchema = z.strictObject({
  name: name.optional(),
  oidc: z.strictObject({ issuer: issuerSchema.optional(), clientId: oidcSettingsSchema.shape.clientId.optional(), scopes: scopes.optional(), clientSecret: clientSecret.optional() }).optional(),
  // New IdP metadata for a SAML connection (the IdP rolled its key over, or moved).
  saml: samlMetadataSource.optional(),
  ssoRequired: z.boolean(message("invalidValue")).optional(),
  enabled: z.boolean(message("invalidValue")).optional(),
  reason,
});
export type ConnectionUpdateInput = z.infer<typeof connectionUpdateSchema>;

// The id of a connection or a domain in a path.
export const ssoIdParams = z.object({ id: z.uuid() });

export const domainCreateSchema = z.strictObject({ domain: ssoDomainSchema, reason });

// Proving a domain: its DNS TXT record is looked up, or the administrator vouches for it (audited).
export const domainVerifySchema = z.strictObject({ method: z.enum(["DNS", "MANUAL"], message("invalidValue")), reason });

export const adminReasonSchema = z.strictObject({ reason });

// "Sign in with your company": the address typed, and where to land afterwards.
export const ssoStartSchema = z.strictObject({
  email: emailSchema,
  next: z.string(message("invalidValue")).max(2048, message("invalidValue")).optional(),
});

// What an OIDC identity provider sends the browser back with (RFC 6749 4.1.2); the code and state
// are checked by the client library against the flow, these limits only keep junk out.
export const oidcCallbackQuerySchema = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
});

// The IdP's answer, posted by the browser to the ACS URL (SAML HTTP-POST binding). The IdP's page
// chooses the fields, so others (RelayState among them: where to land is kept on the flow) are
// dropped. The response itself is checked by lib/auth/sso/saml.ts.
export const SAML_ACS_MAX_BODY_BYTES = 512 * 1024;
export const samlAcsFormSchema = z.object({
  SAMLResponse: z.string(message("invalidValue")).min(1, message("invalidValue")).max(SAML_ACS_MAX_BODY_BYTES, message("invalidValue")),
});
export type SamlAcsForm = z.infer<typeof samlAcsFormSchema>;

// Where the ACS sends the browser to collect what it proved: the request's id (node-saml's are
// "_" and hex) and the one-time value the ACS gave the browser that posted; without it the collect
// is refused like any other that does not match (a redirect to the login page, not a 400 page).
export const samlCollectQuerySchema = z.object({
  request: z.string(message("invalidValue")).min(1).max(128),
  collect: z.string().max(128).catch(""),
});
