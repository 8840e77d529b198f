import { NextResponse } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { deleteAccount } from "@/lib/auth/passwords";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { getDictionary } from "@/lib/i18n/server";
import { deleteAccountSchema } from "@/lib/validations/auth";

// Deletes the account and everything in it; needs the password (or, without one, a fresh sign-in).
export const DELETE = route({ auth: "user", body: deleteAccountSchema }, async ({ user, body }) => {
  await deleteAccount(user.id, user.sessionId, body.password, (await getDictionary()).t.validation);
  const response = new NextResponse(null, { status: 204, headers: { ...NO_STORE, "Clear-Site-Data": '"cache", "storage"' } });
  clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
