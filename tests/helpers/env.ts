import { z } from "zod";

// Set by scripts/test.ts from the running test stack.
const testEnvSchema = z.object({
  TEST_BASE_URL: z.url(),
  TEST_DATABASE_URL: z.string().min(1),
  TEST_MAIL_DIR: z.string().min(1),
  TEST_AUTH_SECRET: z.string().min(32),
  TEST_AUTH_SIGNING_KEYS: z.string().min(1),
  TEST_METRICS_TOKEN: z.string().min(16),
  TEST_CRON_SECRET: z.string().min(16),
  TEST_OAUTH_URL: z.url(),
  TEST_SAML_IDP_URL: z.url(),
  TEST_DNS_ZONE_DIR: z.string().min(1),
  TEST_SAML_IDP_PRIVATE_KEY: z.string().includes("PRIVATE KEY"),
  TEST_SAML_IDP_CERTIFICATE: z.string().includes("CERTIFICATE"),
  TEST_SAML_SP_PRIVATE_KEY: z.string().includes("PRIVATE KEY"),
  TEST_SAML_SP_CERTIFICATE: z.string().includes("CERTIFICATE"),
  TEST_OIDC_ISSUER: z.url(),
  TEST_SMTP_URL: z.string().regex(/^smtp:\/\//),
  TEST_VAPID_PUBLIC_KEY: z.string().min(80),
  TEST_VAPID_PRIVATE_KEY: z.string().min(40),
  TEST_AI_GATEWAY_URL: z.url(),
  TEST_AI_DIRECT_URL: z.url(),
  TEST_SERVICE_SECRET: z.string().min(16),
});

export function testEnv() {
  const parsed = testEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error("Run the integration tests through `npm test`: the test stack is not configured.");
  return parsed.data;
}
