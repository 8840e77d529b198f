// One unqueued send of a sign-up code mail, in a process of its own, through this process's SMTP_URL:
// `node --conditions=react-server --import tsx tests/helpers/mail-send-run.ts <address> <code>`.
// Prints whether it was sent as the last line.
import { sendMail } from "@/lib/mail/send";
import { emailCodeMail } from "@/lib/mail/templates";

const [, , to = "", code = ""] = process.argv;
console.log(JSON.stringify({ sent: await sendMail(emailCodeMail(to, code)) }));
process.exit(0);
