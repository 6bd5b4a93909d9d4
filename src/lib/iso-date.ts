/**
 * @module lib/iso-date
 *
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and day numbers, in UTC, with
 * the counting rules of profiles.md §2: "N days after D" is D + N calendar
 * days (the day of the event is not counted); "one year after" is the same
 * day of the next year, and 29 February rolls to 1 March.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

export type IsoDate = string

/** Days since 1970-01-01 of a valid ISO date, or NaN when the string is not a real calendar date. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso)
  if (!m) return Number.NaN
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return Number.NaN
  }
  return ms / DAY_MS
}

export const isIsoDate = (value: unknown): value is IsoDate =>
  typeof value === 'string' && !Number.isNaN(dayNumber(value))

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** D + N calendar days. */
export const addDays = (iso: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(iso) + days)

/** The same calendar day one year later; 29 February → 1 March. */
export function addOneYear(iso: IsoDate): IsoDate {
  const y = Number(iso.slice(0, 4)) + 1
  const md = iso.slice(5)
  const candidate = `${String(y).padStart(4, '0')}-${md}`
  return isIsoDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-03-01`
}

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b)
