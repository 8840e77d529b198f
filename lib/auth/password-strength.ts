// How guessable a password is, by zxcvbn with its shipped list of common and breached passwords.
// The server refuses weak ones; the sign-up and reset forms load this module lazily for their meter.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

export { MIN_PASSWORD_SCORE } from "@/lib/validations/password-rules";

let factory: ZxcvbnFactory | undefined;

export function passwordScore(password: string, userInputs: string[] = []): 0 | 1 | 2 | 3 | 4 {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  // Beyond 100 characters zxcvbn only gets slower, and such a password is not guessable anyway.
  // An address is a clue as a whole, by its local part, and by each piece of it ("kim.minji").
  const clues = userInputs.flatMap((input) => [input, input.split("@")[0] ?? "", ...input.split(/[@._+\-\s]+/)]).filter((clue) => clue.length >= 3);
  return factory.check(password.slice(0, 100), clues).score;
}
