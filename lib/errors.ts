// Every API error TropiCal returns, with its status. Messages are English, for logs and API clients;
// clients switch on `code`. No framework import: the Edge middleware and the pages share this table.
export const ERRORS = {
  INVALID_INPUT: { status: 400, message: "Some fields are invalid." },
  INVALID_JSON: { status: 400, message: "The request body is not valid JSON." },
  UNAUTHENTICATED: { status: 401, message: "Sign in to continue." },
  INVALID_CREDENTIALS: { status: 401, message: "The e-mail or password is incorrect." },
  INVALID_REFRESH_TOKEN: { status: 401, message: "Your session has ended. Please sign in again." },
  EMAIL_NOT_VERIFIED: { status: 403, message: "Verify your e-mail address before signing in." },
  CROSS_SITE_REQUEST: { status: 403, message: "Cross-site requests are not allowed." },
  FORBIDDEN: { status: 403, message: "You are not allowed to do this." },
  REAUTHENTICATION_REQUIRED: { status: 403, message: "Sign in again to confirm it is you, then retry." },
  ACCOUNT_DISABLED: { status: 403, message: "This account has been disabled by an administrator." },
  SECOND_FACTOR_REQUIRED: { status: 403, message: "Administrators need two-step verification or a passkey; set one up in settings." },
  NOT_FOUND: { status: 404, message: "Not found." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This method is not allowed here." },
  ACCOUNT_EXISTS: { status: 409, message: "An account already uses this e-mail; prove it is yours to link it." },
  LAST_ADMIN: { status: 409, message: "This is the last active administrator; grant the role to someone else first." },
  LAST_SIGN_IN_METHOD: { status: 409, message: "This is your only way to sign in; add a password or another provider first." },
  LIMIT_REACHED: { status: 409, message: "You have reached the limit for this list; remove something first." },
  CONFLICT_STATE: { status: 409, message: "That is not possible in the current state; reload and try again." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Please wait and try again." },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
  SERVICE_UNAVAILABLE: { status: 503, message: "The service is temporarily unavailable. Please try again shortly." },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
    // Headers the status calls for (WWW-Authenticate with a 401 to a bearer caller, Allow with a 405).
    readonly headers?: Record<string, string>,
  ) {
    super(ERRORS[code].message);
  }
}

// The JSON body of an error, as every handler and the middleware send it.
export function errorBody(error: ApiError): { error: { code: ErrorCode; message: string; fields?: Record<string, string> } } {
  return { error: { code: error.code, message: ERRORS[error.code].message, ...(error.fields ? { fields: error.fields } : {}) } };
}
