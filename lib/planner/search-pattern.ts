// How a search query becomes a pattern, shared by the database query (PostgreSQL's regular
// expressions) and the results page's highlighting (JavaScript's): the syntax used — escaped
// characters and bracket ranges, no quantifiers — means the same in both.

export const MAX_SEARCH_QUERY_LENGTH = 100;

// Hangul syllables are numbered arithmetically from U+AC00: 19 initial consonants × 21 vowels ×
// 28 finals (Unicode 3.12), so every syllable that starts with one initial lies in one range.
const FIRST_SYLLABLE = 0xac00;
const SYLLABLES_PER_INITIAL = 21 * 28;
// The initial consonants in that order, as a keyboard types them (compatibility jamo) and as a
// decomposed string carries them (conjoining jamo from U+1100).
const TYPED_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const FIRST_CONJOINING_INITIAL = 0x1100;

// Every character that is syntax in either engine; escaped, each stands for itself, so a query
// cannot inject a wildcard, an alternation, a quantifier or an ARE director ("***=").
const SYNTAX = /[\\^$.*+?()[\]{}|]/g;

function initialIndex(char: string): number {
  const typed = TYPED_INITIALS.indexOf(char);
  if (typed !== -1) return typed;
  const code = char.codePointAt(0) ?? 0;
  return code >= FIRST_CONJOINING_INITIAL && code < FIRST_CONJOINING_INITIAL + TYPED_INITIALS.length ? code - FIRST_CONJOINING_INITIAL : -1;
}

// A query as Korean users type it: a consonant on its own stands for itself or for any syllable it
// begins, which is both initial-consonant search (초성 검색: "ㅎㅇ" finds "회의") and a last syllable
// still being composed ("회ㅇ" on the way to "회의"). Everything else matches literally; the query is
// expected in NFC, as the schema leaves it.
export function searchPattern(query: string): string {
  let pattern = "";
  for (const char of query) {
    const initial = initialIndex(char);
    if (initial === -1) {
      pattern += char.replace(SYNTAX, "\\$&");
      continue;
    }
    const first = String.fromCodePoint(FIRST_SYLLABLE + initial * SYLLABLES_PER_INITIAL);
    const last = String.fromCodePoint(FIRST_SYLLABLE + (initial + 1) * SYLLABLES_PER_INITIAL - 1);
    pattern += `[${TYPED_INITIALS[initial]}${String.fromCodePoint(FIRST_CONJOINING_INITIAL + initial)}${first}-${last}]`;
  }
  return pattern;
}

export interface TextPart {
  text: string;
  matched: boolean;
}

// `text` cut into the parts the query matches and the rest, for <mark>. The database matched case-
// insensitively on NFC; so does this. A text it finds nothing in comes back whole.
export function matchParts(text: string, query: string): TextPart[] {
  const normalized = text.normalize("NFC");
  if (!query) return [{ text: normalized, matched: false }];
  const parts: TextPart[] = [];
  let end = 0;
  for (const match of normalized.matchAll(new RegExp(searchPattern(query), "giu"))) {
    if (match.index > end) parts.push({ text: normalized.slice(end, match.index), matched: false });
    parts.push({ text: match[0], matched: true });
    end = match.index + match[0].length;
  }
  if (end < normalized.length) parts.push({ text: normalized.slice(end), matched: false });
  return parts;
}

const ELLIPSIS: TextPart = { text: "…", matched: false };

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// A long text shortened to about `length` characters around its first match, so a description's
// hit shows without the whole of it; the cut never splits a character made of two code units.
export function excerptParts(text: string, query: string, length = 160): TextPart[] {
  const normalized = text.normalize("NFC");
  if (normalized.length <= length) return matchParts(normalized, query);
  const first = normalized.search(new RegExp(searchPattern(query), "iu"));
  let start = Math.max(0, Math.min(first - Math.floor(length / 3), normalized.length - length));
  let end = start + length;
  if (isLowSurrogate(normalized.charCodeAt(start))) start += 1;
  if (isLowSurrogate(normalized.charCodeAt(end))) end -= 1;
  return [...(start > 0 ? [ELLIPSIS] : []), ...matchParts(normalized.slice(start, end), query), ...(end < normalized.length ? [ELLIPSIS] : [])];
}
