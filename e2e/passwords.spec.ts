import { waitForMail } from "../tests/helpers/mail";
import { expect, test } from "./fixtures";

test("forgot password → mail → new password (with its strength shown) → signed out everywhere → log in", async ({ page, user, loginPage, signedIn: _ }) => {
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole("link", { name: "비밀번호를 잊으셨나요?" }).click();
  // The login page also has an e-mail field: wait for the new page before typing.
  await expect(page.getByRole("heading", { name: "비밀번호 찾기" })).toBeVisible();
  await page.getByLabel("이메일").fill(user.email);
  await page.getByRole("button", { name: "재설정 링크 받기" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("재설정 링크를 보냈습니다");

  const mails = await waitForMail(user.email, 2);
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mails.at(-1)?.text ?? "")?.[0];
  expect(link).toBeTruthy();
  await page.goto(link ?? "");
  const field = page.getByLabel("새 비밀번호");
  await field.fill("password1234");
  await expect(page.getByText(/비밀번호 강도: (매우 약함|약함)/)).toBeVisible();
  await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(page.getByText("너무 쉽게 추측할 수 있는 비밀번호입니다.", { exact: false })).toBeVisible();

  await field.fill("sunlit harbour lanterns 2027");
  await expect(page.getByText(/비밀번호 강도: (강함|매우 강함)/)).toBeVisible();
  await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(page).toHaveURL(/\/login\?reason=reset$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText("비밀번호를 바꿨습니다");

  await loginPage.logIn(user.email, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  await loginPage.password().fill("sunlit harbour lanterns 2027");
  await loginPage.submit().click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("script payloads typed into every field are shown as text and never run", async ({ page, signedIn: _ }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const payload = `<img src=x onerror="alert('xss')">`;
  const origin = new URL(page.url()).origin;
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  const today = new Date().toISOString().slice(0, 10);
  await post("/api/todos", { title: payload, dueOn: today });
  await post("/api/bucket-items", { title: payload, description: payload, targetOn: today });
  await post("/api/events", { title: payload, description: payload, location: payload, startsAt: `${today}T00:00:00Z`, endsAt: `${today}T00:00:00Z`, allDay: false });

  for (const path of ["/dashboard", "/dashboard/todo", "/dashboard/bucket"]) {
    await page.goto(path);
    await expect(page.getByText(payload).first()).toBeVisible();
  }
  expect(dialogs).toEqual([]);
});
