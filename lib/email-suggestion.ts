// A likely typo in an e-mail address's domain, for a "did you mean …?" hint at sign-up. Only the
// domains most of our users have are known; any other domain is left alone, since it may be real.
// Never a check: the address is sent as typed unless the user takes the suggestion.
const KNOWN_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "naver.com",
  "hanmail.net",
  "daum.net",
  "kakao.com",
  "nate.com",
  "icloud.com",
  "me.com",
  "mail.com",
  "msn.com",
  "live.com",
  "outlook.com",
  "hotmail.com",
  "yahoo.com",
  "yahoo.co.kr",
  "korea.kr",
];

// Edits (insert, delete, replace, swap two neighbours) between a and b: optimal string alignment.
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

// One slip in a short domain, two in a long one: "gmial.com", "naver.co", "hotmial.con".
const allowedEdits = (domain: string) => (domain.length >= 10 ? 2 : 1);

// The address with its domain corrected, or null when it looks right or is not close to a known one.
export function suggestEmail(address: string): string | null {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf("@");
  if (at < 1 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  if (KNOWN_DOMAINS.includes(domain)) return null;
  // "kim@naver" with the ending left off.
  const named = KNOWN_DOMAINS.find((known) => known.split(".")[0] === domain);
  if (named) return `${local}@${named}`;
  let best: { domain: string; distance: number } | null = null;
  for (const known of KNOWN_DOMAINS) {
    const distance = editDistance(domain, known);
    if (distance <= allowedEdits(known) && (!best || distance < best.distance)) best = { domain: known, distance };
  }
  return best ? `${local}@${best.domain}` : null;
}
