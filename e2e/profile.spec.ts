import { expect, hydrated, test } from "./fixtures";

test("settings: the nickname is changed in place, refused when empty, and greets the user from then on", async ({ page, user, signedIn: _ }) => {
  await page.getByRole("link", { name: "설정" }).click();
  const panel = page.getByRole("region", { name: "프로필" });
  await expect(panel.getByText(`이메일: ${user.email}`)).toBeVisible();
  const nickname = panel.getByLabel("닉네임");
  await expect(nickname).toHaveValue(user.nickname);
  const save = panel.getByRole("button", { name: "프로필 저장" });
  await hydrated(save);

  await nickname.fill("   ");
  await save.click();
  await expect(panel.getByText("닉네임을 입력해 주세요.")).toBeVisible();

  await nickname.fill("  바다 거북  ");
  await save.click();
  await expect(panel.getByRole("status")).toHaveText("프로필을 저장했습니다.");
  await expect(nickname).toHaveValue("바다 거북");
  // The header's greeting (shown from small screens up) is the server's, refreshed after the save.
  await expect(page.getByText("바다 거북님, 반가워요")).toBeAttached();
  await page.reload();
  await expect(page.getByRole("region", { name: "프로필" }).getByLabel("닉네임")).toHaveValue("바다 거북");
});
