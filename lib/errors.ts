import { apiErrorText } from "@/lib/i18n/api-errors";
import type { Locale } from "@/lib/i18n/locale";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

// Every API error TropiCal returns, with its status. Clients switch on `code`; the `message` beside it
// is the code's wording in the request's language (lib/i18n/api-errors.ts). No framework import: the
// Edge middleware and the pages share this table.
export const ERRORS = {
  INVALID_INPUT: { status: 400 },
  INVALID_JSON: { status: 400 },
  AMBIGUOUS_CREDENTIALS: { status: 400 },
  UNAUTHENTICATED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  INVALID_REFRESH_TOKEN: { status: 401 },
  EMAIL_NOT_VERIFIED: { status: 403 },
  CROSS_SITE_REQUEST: { status: 403 },
  FORBIDDEN: { status: 403 },
  REAUTHENTICATION_REQUIRED: { status: 403 },
  ACCOUNT_DISABLED: { status: 403 },
  SECOND_FACTOR_REQUIRED: { status: 403 },
  INSUFFICIENT_SCOPE: { status: 403 },
  NOT_FOUND: { status: 404 },
  METHOD_NOT_ALLOWED: { status: 405 },
  ACCOUNT_EXISTS: { status: 409 },
  LAST_ADMIN: { status: 409 },
  LAST_SIGN_IN_METHOD: { status: 409 },
  LIMIT_REACHED: { status: 409 },
  CONFLICT_STATE: { status: 409 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  RATE_LIMITED: { status: 429 },
  INTERNAL: { status: 500 },
  SERVICE_UNAVAILABLE: { status: 503 },
  // The gateway (lib/services/gateway.ts): an internal service that could not be reached, or did not answer in time.
  SERVICE_UNREACHABLE: { status: 502 },
  SERVICE_TIMEOUT: { status: 504 },
  // SAML sign-in (lib/auth/sso/saml.ts): why an IdP's response, or its metadata, was refused.
  SAML_SIGNATURE_INVALID: { status: 401 },
  SAML_WRONG_AUDIENCE: { status: 401 },
  SAML_EXPIRED: { status: 401 },
  SAML_REPLAYED: { status: 401 },
  SAML_UNSOLICITED: { status: 401 },
  SAML_WRONG_ISSUER: { status: 401 },
  SAML_CANCELLED: { status: 401 },
  SAML_IDP_ERROR: { status: 502 },
  SAML_RESPONSE_INVALID: { status: 400 },
  SAML_METADATA_INVALID: { status: 400 },
  SAML_METADATA_UNREACHABLE: { status: 502 },
  // Company sign-in (lib/auth/sso/): the address's domain has no usable connection; its users must
  // use the company sign-in; and the ways a round trip to the identity provider ends without a
  // sign-in, which the login page shows (?sso_error=CODE).
  SSO_NOT_AVAILABLE: { status: 404 },
  SSO_REQUIRED: { status: 403 },
  SSO_CANCELLED: { status: 400 },
  SSO_FAILED: { status: 400 },
  SSO_EXPIRED: { status: 400 },
  SSO_UNAVAILABLE: { status: 503 },
  // A step-up at the company's IdP answered with someone other than this account.
  SSO_PROOF_MISMATCH: { status: 403 },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    // Each field's problem by its dictionary key; the response layer words it (lib/http/handler.ts).
    readonly fields?: Record<string, ValidationMessageKey>,
    readonly retryAfterSeconds?: number,
    // Headers the status calls for (WWW-Authenticate with a 401 to a bearer caller, Allow with a 405).
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

// The JSON body of an error, as every handler and the middleware send it, with the fields' problems
// already in the reader's language.
export function errorBody(error: ApiError, locale: Locale, fields?: Record<string, string>): { error: { code: ErrorCode; message: string; fields?: Record<string, string> } } {
  return { error: { code: error.code, message: apiErrorText(locale, error.code, error.retryAfterSeconds), ...(fields ? { fields } : {}) } };
}
