import type { FormHTMLAttributes } from "react";

// Every form posts: one sent before the page's scripts run (a slow phone, a chunk that failed to
// load) carries what was typed, passwords included, in its body. As a GET it went into the URL, and
// from there into the history and the access logs. A page answers such a POST by showing itself again.
export function Form(props: FormHTMLAttributes<HTMLFormElement>) {
  return <form method="post" {...props} />;
}
