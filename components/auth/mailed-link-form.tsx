import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Form } from "@/components/ui/form";

// A mailed link opens a page that asks for one click. The click posts the token (no scripts
// needed), so a mail scanner that fetches every link in a message changes nothing by it.
export function MailedLinkCard({ title, body, action, token, label, danger = false }: { title: string; body: string; action: string; token: string; label: string; danger?: boolean }) {
  return (
    <Card title={title}>
      <p className="mb-6 text-slate-700">{body}</p>
      <Form action={action}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit" variant={danger ? "danger" : "primary"} className="w-full">
          {label}
        </Button>
      </Form>
    </Card>
  );
}
