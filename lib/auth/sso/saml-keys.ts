// TropiCal's SAML service-provider key pair (SAML_SP_PRIVATE_KEY / SAML_SP_CERTIFICATE): checked
// once at start by lib/env.ts. Node built-ins only, so the check costs the server nothing to load.
import { createPrivateKey, X509Certificate } from "node:crypto";

export interface SamlKeyPair {
  // PKCS#8 PEM.
  privateKey: string;
  // PEM.
  certificate: string;
}

// A PEM taken from an environment variable, where newlines are often written as "\n".
export function pemFromEnv(value: string): string {
  return value.replace(/\\n/g, "\n").trim();
}

// Why a key pair is unusable, or null: each part parses and the certificate holds the key's public half.
export function samlKeyPairProblem(pair: SamlKeyPair): string | null {
  try {
    const key = createPrivateKey(pair.privateKey);
    if (key.asymmetricKeyType !== "rsa") return "the private key must be an RSA key";
    if (!new X509Certificate(pair.certificate).checkPrivateKey(key)) return "the certificate does not belong to the private key";
    return null;
  } catch (error) {
    return `do not parse as PEM (${(error as Error).message})`;
  }
}
