import { describe, expect, it } from 'vitest'
import { expectProblems } from '../../src/scenario/lint.js'
import type { Scenario } from '../../src/scenario/schema.js'

const scenario = (profile: string, expect: Scenario['expect'], kind = 'assess-request'): Scenario =>
  ({
    format: 'rogatory-scenario/1',
    id: 'x',
    title: 'x',
    profile,
    asOf: '2027-06-01',
    question: { kind } as never,
    expect,
  }) as Scenario

describe('scenario lint', () => {
  it('flags an outcome inconsistent with its grounds', () => {
    const s = scenario('zero-draft-2023', {
      outcome: 'must-refuse',
      grounds: [{ code: 'de-minimis', mandatory: false, cites: ['40(8)'] }],
    })
    expect(expectProblems(s)).toEqual([
      'expect.outcome must-refuse is inconsistent with its grounds (they give may-refuse)',
    ])
  })

  it('flags adopted paragraph citations inside Arts 35–46', () => {
    const s = scenario('adopted-2024', {
      outcome: 'may-refuse',
      grounds: [{ code: 'de-minimis', mandatory: false, cites: ['40(8)'] }],
    })
    expect(expectProblems(s)[0]).toMatch(/cites 40\(8\): adopted paragraph numbers/)
  })

  it('flags mixing scope and refusal grounds, and date questions without dates', () => {
    const s = scenario('adopted-2024', {
      outcome: 'inapplicable',
      grounds: [
        { code: 'not-party', mandatory: false, cites: ['65'] },
        { code: 'de-minimis', mandatory: false, cites: ['40'] },
      ],
    })
    expect(expectProblems(s)).toContain(
      'an inapplicable answer reports scope grounds only (profiles.md §3)',
    )
    expect(expectProblems(scenario('adopted-2024', {}, 'entry-into-force'))).toEqual([
      'date questions need expect.dates',
    ])
  })
})
