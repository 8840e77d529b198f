// The SAML library (lib/auth/sso/saml.ts) in a process of its own, as the app's server would run it:
// `node --conditions=react-server --import tsx tests/helpers/saml-worker.ts`, one JSON request a line
// on stdin ({ id, call, input }), one JSON answer a line on stdout ({ id, result } or { id, code }).
// Requests run concurrently, as requests to a server do.
import { createInterface } from "node:readline";
import { z } from "zod";
import { fetchIdpMetadata, finishSamlSignIn, parseIdpMetadata, spMetadata, startSamlSignIn } from "@/lib/auth/sso/saml";
import { ApiError } from "@/lib/errors";

const requestSchema = z.object({
  id: z.number(),
  call: z.enum(["parseIdpMetadata", "fetchIdpMetadata", "spMetadata", "startSamlSignIn", "finishSamlSignIn"]),
  input: z.unknown(),
});
const stringInput = z.string();
const spInput = z.object({ origin: z.string(), connectionId: z.string() });
// Passed through as they are: the library parses its own input, and refusing bad input is under test.
const startInput = z.custom<Parameters<typeof startSamlSignIn>[0]>();
const finishInput = z.custom<Parameters<typeof finishSamlSignIn>[0]>();

function run({ call, input }: z.infer<typeof requestSchema>): Promise<unknown> {
  switch (call) {
    case "parseIdpMetadata":
      return Promise.resolve().then(() => parseIdpMetadata(stringInput.parse(input)));
    case "fetchIdpMetadata":
      return fetchIdpMetadata(stringInput.parse(input));
    case "spMetadata":
      return Promise.resolve(spInput.parse(input)).then(({ origin, connectionId }) => spMetadata(origin, connectionId));
    case "startSamlSignIn":
      return startSamlSignIn(startInput.parse(input));
    case "finishSamlSignIn":
      return finishSamlSignIn(finishInput.parse(input));
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const request = requestSchema.parse(JSON.parse(line));
  run(request).then(
    (result) => process.stdout.write(`${JSON.stringify({ id: request.id, result })}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ id: request.id, code: error instanceof ApiError ? error.code : `THROWN: ${String(error)}` })}\n`),
  );
}
