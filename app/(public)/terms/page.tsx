import { Card } from "@/components/ui/card";
import { CONSENT_VERSIONS } from "@/lib/consents";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("terms");

export default async function TermsPage() {
  const { t } = await getDictionary();
  return (
    <Card title={t.terms.title}>
      <div className="flex flex-col gap-4 text-sm leading-relaxed text-slate-700">
        <p>
          TropiCal 이용약관 {CONSENT_VERSIONS.TERMS} / Terms of service version {CONSENT_VERSIONS.TERMS}. TropiCal은 회원이 입력한 일정, 할 일, 버킷리스트를 회원 본인에게만 보여 줍니다. Your planner
          data is visible to you alone.
        </p>
        <p>
          개인정보 처리방침 {CONSENT_VERSIONS.PRIVACY} / Privacy policy version {CONSENT_VERSIONS.PRIVACY}. 이메일, 닉네임, 로그인 기록(IP, 기기)을 계정 보호 목적으로 보관합니다. We keep your e-mail,
          nickname and sign-in records (IP, device) to protect your account.
        </p>
        <p>마케팅 수신 동의는 선택이며 언제든 철회할 수 있습니다. Marketing consent is optional and can be withdrawn at any time.</p>
      </div>
    </Card>
  );
}
