import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addOneYear, dayNumber, fromDayNumber, isIsoDate } from '../../src/lib/iso-date.js'

/** Any calendar date from 1900 to 2199. */
const isoDate = fc
  .integer({ min: dayNumber('1900-01-01'), max: dayNumber('2199-12-31') })
  .map(fromDayNumber)

describe('iso-date (profiles.md §2 date arithmetic)', () => {
  it('round-trips day numbers and rejects impossible dates', () => {
    fc.assert(fc.property(isoDate, (d) => isIsoDate(d) && fromDayNumber(dayNumber(d)) === d))
    for (const bad of ['2027-02-29', '2026-13-01', '2026-04-31', '27-01-01', '2026-1-1', ''])
      expect(isIsoDate(bad)).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
  })

  it('"N days after D" is D + N calendar days, additive and order-preserving', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        (d, a, b) => {
          expect(dayNumber(addDays(d, a)) - dayNumber(d)).toBe(a)
          expect(addDays(addDays(d, a), b)).toBe(addDays(d, a + b))
          expect(addDays(d, a) >= d).toBe(true)
        },
      ),
    )
    expect(addDays('2026-09-30', 90)).toBe('2026-12-29')
    expect(addDays('2027-02-14', 30)).toBe('2027-03-16')
  })

  it('one year after is the same day next year; 29 February rolls to 1 March', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const y = addOneYear(d)
        expect(isIsoDate(y)).toBe(true)
        expect(Number(y.slice(0, 4))).toBe(Number(d.slice(0, 4)) + 1)
        if (d.slice(5) !== '02-29') expect(y.slice(5)).toBe(d.slice(5))
        const days = dayNumber(y) - dayNumber(d)
        expect(days === 365 || days === 366).toBe(true)
      }),
    )
    expect(addOneYear('2028-02-29')).toBe('2029-03-01')
    expect(addOneYear('2027-05-01')).toBe('2028-05-01')
  })
})
