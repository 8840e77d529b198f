import type { Locale } from "@/lib/i18n/locale";

// Time zones named for people: by city, in the page's language, with today's offset from GMT.
// Korean names for the zones Korean users pick most; any other zone is called by the city part of
// its IANA id. Browsers list some zones under their older names (Asia/Calcutta, Asia/Saigon), so
// both spellings are named.
const KOREAN_CITIES: Record<string, string> = {
  "Asia/Seoul": "서울",
  "Asia/Pyongyang": "평양",
  "Asia/Tokyo": "도쿄",
  "Asia/Shanghai": "상하이",
  "Asia/Hong_Kong": "홍콩",
  "Asia/Macau": "마카오",
  "Asia/Taipei": "타이베이",
  "Asia/Manila": "마닐라",
  "Asia/Singapore": "싱가포르",
  "Asia/Kuala_Lumpur": "쿠알라룸푸르",
  "Asia/Jakarta": "자카르타",
  "Asia/Bangkok": "방콕",
  "Asia/Ho_Chi_Minh": "호찌민",
  "Asia/Saigon": "호찌민",
  "Asia/Yangon": "양곤",
  "Asia/Rangoon": "양곤",
  "Asia/Dhaka": "다카",
  "Asia/Kathmandu": "카트만두",
  "Asia/Katmandu": "카트만두",
  "Asia/Kolkata": "콜카타",
  "Asia/Calcutta": "콜카타",
  "Asia/Karachi": "카라치",
  "Asia/Tashkent": "타슈켄트",
  "Asia/Almaty": "알마티",
  "Asia/Dubai": "두바이",
  "Asia/Tehran": "테헤란",
  "Asia/Riyadh": "리야드",
  "Asia/Jerusalem": "예루살렘",
  "Asia/Vladivostok": "블라디보스토크",
  "Asia/Ulaanbaatar": "울란바토르",
  "Europe/London": "런던",
  "Europe/Dublin": "더블린",
  "Europe/Lisbon": "리스본",
  "Europe/Paris": "파리",
  "Europe/Berlin": "베를린",
  "Europe/Madrid": "마드리드",
  "Europe/Rome": "로마",
  "Europe/Amsterdam": "암스테르담",
  "Europe/Brussels": "브뤼셀",
  "Europe/Zurich": "취리히",
  "Europe/Vienna": "빈",
  "Europe/Prague": "프라하",
  "Europe/Warsaw": "바르샤바",
  "Europe/Budapest": "부다페스트",
  "Europe/Copenhagen": "코펜하겐",
  "Europe/Stockholm": "스톡홀름",
  "Europe/Oslo": "오슬로",
  "Europe/Helsinki": "헬싱키",
  "Europe/Athens": "아테네",
  "Europe/Istanbul": "이스탄불",
  "Europe/Kyiv": "키이우",
  "Europe/Kiev": "키이우",
  "Europe/Moscow": "모스크바",
  "Africa/Cairo": "카이로",
  "Africa/Johannesburg": "요하네스버그",
  "Africa/Nairobi": "나이로비",
  "Africa/Lagos": "라고스",
  "Africa/Casablanca": "카사블랑카",
  "America/New_York": "뉴욕",
  "America/Toronto": "토론토",
  "America/Chicago": "시카고",
  "America/Denver": "덴버",
  "America/Phoenix": "피닉스",
  "America/Los_Angeles": "로스앤젤레스",
  "America/Vancouver": "밴쿠버",
  "America/Anchorage": "앵커리지",
  "America/Mexico_City": "멕시코시티",
  "America/Bogota": "보고타",
  "America/Lima": "리마",
  "America/Santiago": "산티아고",
  "America/Sao_Paulo": "상파울루",
  "America/Argentina/Buenos_Aires": "부에노스아이레스",
  "America/Buenos_Aires": "부에노스아이레스",
  "Pacific/Honolulu": "호놀룰루",
  "Pacific/Guam": "괌",
  "Pacific/Auckland": "오클랜드",
  "Pacific/Fiji": "피지",
  "Australia/Sydney": "시드니",
  "Australia/Melbourne": "멜버른",
  "Australia/Brisbane": "브리즈번",
  "Australia/Adelaide": "애들레이드",
  "Australia/Perth": "퍼스",
  UTC: "협정 세계시",
};

export interface TimeZoneOption {
  id: string;
  label: string;
  // Minutes east of GMT now, for ordering.
  offsetMinutes: number;
  // Lower-case, without spaces: the Korean and English city, the id and the offset.
  searchText: string[];
  offset: string;
}

function englishCity(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");
}

// "GMT+9", "GMT-3:30", "GMT+0": the offset at `at` (summer time counts), as Intl reports it.
export function gmtOffset(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at).find((piece) => piece.type === "timeZoneName");
  const offset = part?.value ?? "GMT";
  return offset === "GMT" ? "GMT+0" : offset;
}

function minutesOf(offset: string): number {
  const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(offset);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

const compact = (text: string) => text.toLowerCase().replace(/[\s_()]/g, "");

export function timeZoneOption(zone: string, locale: Locale, at: Date): TimeZoneOption {
  const english = englishCity(zone);
  const korean = KOREAN_CITIES[zone];
  const offset = gmtOffset(zone, at);
  const city = locale === "ko" && korean ? korean : english;
  return {
    id: zone,
    label: `${city} (${offset})`,
    offset,
    offsetMinutes: minutesOf(offset),
    searchText: [korean, english, zone].filter((text): text is string => Boolean(text)).map(compact),
  };
}

// Every zone the browser knows (and `current`, should it not be listed), west to east, then by name.
export function timeZoneOptions(current: string, locale: Locale, at: Date): TimeZoneOption[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const listed = zones.includes(current) ? zones : [current, ...zones];
  return listed.map((zone) => timeZoneOption(zone, locale, at)).sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label, locale));
}

// A city in either language, part of an id ("new_york", "asia/"), or an offset: "GMT+9" finds
// +9 but not +9:30 or +10.
export function matchesTimeZone(option: TimeZoneOption, query: string): boolean {
  const wanted = compact(query);
  if (!wanted) return true;
  const offset = compact(option.offset);
  if (/^(gmt|utc)[+-]/.test(wanted)) {
    const asked = wanted.replace(/^utc/, "gmt");
    // Minutes narrow it only once typed ("GMT+9:3" finds +9:30).
    return offset === asked || (asked.includes(":") && offset.startsWith(asked));
  }
  return option.searchText.some((text) => text.includes(wanted));
}
