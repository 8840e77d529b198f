import type { Page } from "@playwright/test";
import type { TestUser } from "../fixtures";

export class SignupPage {
  constructor(readonly page: Page) {}

  readonly submit = () => this.page.getByRole("button", { name: "가입하기" });

  async goto() {
    await this.page.goto("/signup");
  }

  async fill(user: TestUser) {
    await this.page.getByLabel("이메일").fill(user.email);
    await this.page.getByLabel("비밀번호").fill(user.password);
    await this.page.getByLabel("닉네임").fill(user.nickname);
  }

  async acceptRequired() {
    await this.page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
    await this.page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  }
}
