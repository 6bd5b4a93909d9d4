import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compareAnswer } from '../../src/scenario/compare.js'
import { formatRun, runScenarios } from '../../src/scenario/runner.js'
import { assess, request } from '../helpers.js'

const MIXED = fileURLToPath(new URL('../fixtures/scenarios-mixed', import.meta.url))

describe('scenario runner (FORMAT.md)', () => {
  it('reports failures one per line, malformed files with path and key, and closes with N passed, M failed', async () => {
    const summary = await runScenarios(MIXED)
    expect(summary.passed).toBe(3)
    expect(summary.failed).toBe(2)
    expect(summary.invalid).toBe(1)
    const lines = formatRun(summary)
    expect(lines.at(-1)).toBe('3 passed, 2 failed')
    expect(lines).toContain(
      'FAIL wrong-expectation: outcome: expected "must-refuse", got "may-refuse"',
    )
    expect(lines).toContain(
      'FAIL wrong-expectation: grounds[no-dual-criminality].mandatory: expected true, got false',
    )
    expect(lines.find((l) => l.startsWith('INVALID'))).toMatch(
      /ERR_SCENARIO_INVALID in .*004-malformed\.json at question\.request\.to: required key is missing/,
    )
  })

  it('runs the published scenarios with the registry found in the parent directory', async () => {
    const dir = fileURLToPath(new URL('../../../shared/scenarios/public', import.meta.url))
    const summary = await runScenarios(dir)
    expect(formatRun(summary).at(-1)).toBe(`${summary.results.length} passed, 0 failed`)
    expect(summary.results.length).toBeGreaterThanOrEqual(31)
  })

  it('matches citations when the engine is equal or more specific, never less', () => {
    const a = assess(
      request({ offence: 'XAR-PC-305', conduct: ['misuse-of-devices'] }),
      undefined,
      { profile: 'zero-draft-2023' },
    )
    const ok = (cites: string[]) =>
      compareAnswer({ grounds: [{ code: 'no-dual-criminality', mandatory: false, cites }] }, a)
    expect(ok(['40(8)'])).toEqual([])
    expect(ok(['40'])).toEqual([])
    expect(ok(['40(8)(a)'])).toHaveLength(1)
    expect(ok(['4'])).toHaveLength(1)
  })

  it('compares sets order-free and checks only what expect names', () => {
    const a = assess(request({ language: 'fr', fields: {} }), undefined, {
      profile: 'zero-draft-2023',
    })
    expect(
      compareAnswer(
        {
          obligations: ['request-additional-information', 'consult-before-refusal', 'give-reasons'],
        },
        a,
      ),
    ).toEqual([])
    expect(compareAnswer({ missingFields: ['purposeAndPeriod'] }, a)[0]?.field).toBe(
      'missingFields',
    )
    expect(compareAnswer({}, a)).toEqual([])
  })
})
