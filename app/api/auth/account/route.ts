import { NextResponse } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { deleteAccount } from "@/lib/auth/password-changes";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Deletes the account and everything in it.
export const DELETE = route({ auth: "user", recentProof: true }, async ({ user, meta }) => {
  await deleteAccount(user.id, meta);
  const response = new NextResponse(null, { status: 204, headers: { ...NO_STORE, "Clear-Site-Data": '"cache", "storage"' } });
  clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
