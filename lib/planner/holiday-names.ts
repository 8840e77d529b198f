// English names for the gazette's Korean holiday names (@hyunbinseo/holidays-kr). The gazette names
// substitute, temporary and election days after the day they stand for or the office elected, so
// those are read from their parts: a new year's "대체공휴일(제헌절)" or "제23대 국회의원선거" needs no
// new row. tests/unit/holidays.test.ts checks that every name in the package's data has one.
const NAMES: Record<string, string> = {
  "1월 1일": "New Year's Day",
  "설날 전날": "Day before Seollal",
  설날: "Seollal (Lunar New Year)",
  "설날 다음 날": "Day after Seollal",
  "3ㆍ1절": "Independence Movement Day",
  노동절: "Labour Day",
  어린이날: "Children's Day",
  "부처님 오신 날": "Buddha's Birthday",
  현충일: "Memorial Day",
  제헌절: "Constitution Day",
  광복절: "Liberation Day",
  "추석 전날": "Day before Chuseok",
  추석: "Chuseok (Korean Thanksgiving)",
  "추석 다음 날": "Day after Chuseok",
  개천절: "National Foundation Day",
  한글날: "Hangeul Day",
  기독탄신일: "Christmas Day",
  임시공휴일: "Temporary holiday",
  대통령선거: "Presidential election",
  국회의원선거: "National Assembly election",
  전국동시지방선거: "Local elections",
};

function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[value % 10] ?? "th");
  return `${value}${suffix}`;
}

// Undefined for a name neither the table nor its patterns know.
export function englishHolidayName(korean: string): string | undefined {
  const name = korean.trim();
  const known = NAMES[name];
  if (known) return known;
  const qualified = /^(대체공휴일|임시공휴일)\s*\((.+)\)$/u.exec(name);
  if (qualified) {
    const inner = englishHolidayName(qualified[2] ?? "");
    if (!inner) return undefined;
    return qualified[1] === "대체공휴일" ? `Substitute holiday (${inner})` : `Temporary holiday (${inner})`;
  }
  // "제22대 국회의원선거", also written without the space.
  const numbered = /^제\s*(\d+)\s*대\s*(.+)$/u.exec(name);
  if (numbered) {
    const election = NAMES[(numbered[2] ?? "").replaceAll(" ", "")];
    return election ? `${ordinal(Number(numbered[1]))} ${election}` : undefined;
  }
  return undefined;
}

// A name the table does not know yet stays Korean rather than disappearing.
export function koreanHolidayName(korean: string, locale: string): string {
  return locale === "ko" ? korean : (englishHolidayName(korean) ?? korean);
}
