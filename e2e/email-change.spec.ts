import { randomEmail } from "../tests/helpers/users";
import { waitForSubject } from "../tests/helpers/mail";
import { expect, test } from "./fixtures";

function linkIn(text: string, page: string): string {
  const match = new RegExp(`https?://\\S+/${page}\\?token=[\\w.%-]+`).exec(text);
  if (!match) throw new Error(`no ${page} link`);
  return match[0];
}

test("change the e-mail address from settings, then undo it from the old address and choose a new password", async ({ page, user, loginPage, signedIn: _ }) => {
  const fresh = randomEmail("e2e-moved");
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "이메일 주소" });
  await expect(panel.getByText(`지금 주소: ${user.email}`)).toBeVisible();
  await panel.getByLabel("새 이메일 주소").fill(fresh);
  await panel.getByRole("button", { name: "확인 메일 보내기" }).click();
  await expect(panel.getByRole("status")).toContainText(`${fresh}(으)로 확인 메일을 보냈습니다.`);

  await page.goto(linkIn((await waitForSubject(fresh, /Confirm your new e-mail address/)).text, "confirm-email"));
  await page.getByRole("button", { name: "이 주소로 바꾸기" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("이메일 주소를 바꿨습니다. 이제 새 주소로 로그인해 주세요.");

  // The old address is told, and undoes it.
  await page.goto(linkIn((await waitForSubject(user.email, /Your e-mail address was changed/)).text, "revert-email"));
  await page.getByRole("button", { name: "원래 주소로 되돌리기" }).click();
  await expect(page).toHaveURL(/\/reset-password\?secured=1&token=/);
  await page.getByLabel("새 비밀번호").fill("the owner's brand new passphrase 31");
  await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(page).toHaveURL(/\/login\?reason=reset$/);
  await loginPage.logIn(user.email, "the owner's brand new passphrase 31");
  await expect(page).toHaveURL(/\/dashboard$/);
});
