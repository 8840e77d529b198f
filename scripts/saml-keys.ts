// SAML signing key pairs for development and tests: an RSA key and a self-signed X.509 certificate,
// as SAML metadata carries a signing key. Self-signed is what SAML expects: each side trusts the
// certificate in the other's metadata, not a CA. Makes TropiCal's SP key (scripts/run.ts, the test
// stack) and the local IdP's own (scripts/saml-idp.ts); production brings its own pair.
import { createPrivateKey, randomBytes, webcrypto, X509Certificate } from "node:crypto";
// @peculiar/x509 needs the reflect polyfill loaded before it (as @simplewebauthn/server does).
import "reflect-metadata";
import { X509CertificateGenerator } from "@peculiar/x509";
import type { SamlKeyPair } from "../lib/auth/sso/saml-keys";

const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const YEAR_MS = 365 * 86_400_000;

export async function generateSamlKeyPair(commonName: string, years = 10): Promise<SamlKeyPair> {
  const crypto = webcrypto as unknown as Crypto;
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const notBefore = new Date(Date.now() - 60_000);
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: `01${randomBytes(15).toString("hex")}`,
      name: `CN=${commonName}`,
      notBefore,
      notAfter: new Date(notBefore.getTime() + years * YEAR_MS),
      signingAlgorithm: ALGORITHM,
      keys,
    },
    crypto,
  );
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey("pkcs8", keys.privateKey));
  const privateKey = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" }).export({ format: "pem", type: "pkcs8" }).toString();
  return { privateKey, certificate: new X509Certificate(certificate.toString("pem")).toString() };
}
