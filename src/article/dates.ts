/** Dates as news pages write them -> ISO `YYYY-MM-DD`. */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_WORD = String.raw`([a-z]{3,9})\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** A time that may trail a date ("10.42 EDT", "at 5:30 p.m. ET"). */
const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?`;
const ISO_RE = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t\s][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$`,
  'i',
);
const SLASH_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY_RE = new RegExp(String.raw`^${WEEKDAY}${DAY}\s+${MONTH_WORD},?\s+(\d{4})${TIME}$`, 'i');
const MDY_RE = new RegExp(String.raw`^${WEEKDAY}${MONTH_WORD}\s+${DAY},?\s+(\d{4})${TIME}$`, 'i');

/**
 * Reads a date in the common news forms and returns it as ISO `YYYY-MM-DD`: "July 11, 2021",
 * "8 July 2021", "Thu 3 Jan 2019", "Sept. 25, 2018", "Jul. 3, 2020", "2015-07-24",
 * "2015-07-24T10:00:00Z", "2015/07/24". Invalid calendar dates (Feb 30) are rejected.
 *
 * @param text - the date as written
 * @returns the ISO date, or undefined when the text is not a recognisable date
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  if (t.length > 60) return undefined;
  let m = ISO_RE.exec(t) ?? SLASH_RE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_RE.exec(t);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[1]));
  }
  m = MDY_RE.exec(t);
  if (m) {
    const month = MONTHS[(m[1] as string).toLowerCase()];
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[2]));
  }
  return undefined;
}

/**
 * Finds a date at the end of a short line and returns it with what precedes it:
 * "Global Research, July 11, 2021" -> { prefix: "Global Research", date: "2021-07-11" }.
 * Only the last few words are tried, so the cost is bounded whatever the line length.
 */
export function trailingDate(line: string): { prefix: string; date: string } | undefined {
  const words = line.split(' ');
  // A date with weekday and time takes at most ~9 words ("Thursday, 3 January 2019 at 10.42 EDT").
  for (let n = Math.min(9, words.length); n >= 1; n--) {
    const tail = words.slice(words.length - n).join(' ');
    if (!/\d{4}/.test(tail)) continue;
    const date = parseDate(tail.replace(/^[,;|·•–—-]+\s*/, ''));
    if (date !== undefined) {
      const prefix = words
        .slice(0, words.length - n)
        .join(' ')
        .replace(/[\s,;|·•–—-]+$/, '')
        .trim();
      return { prefix, date };
    }
  }
  return undefined;
}
