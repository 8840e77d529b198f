// TropiCal's own ESLint rules, for architecture rules no shared plugin can express.
import clientStaticValidation from "./client-static-validation.mjs";

const plugin = {
  meta: { name: "tropical" },
  rules: { "client-static-validation": clientStaticValidation },
};

export default plugin;
