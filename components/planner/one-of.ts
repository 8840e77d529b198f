// A <select>'s value, checked against its options rather than cast.
export function oneOf<Option extends string>(options: readonly Option[], value: string, fallback: Option): Option {
  return options.find((option) => option === value) ?? fallback;
}
