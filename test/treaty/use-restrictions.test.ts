/** Use restrictions as a decision table: each rule on its own, and exactly one rule for every combination of facts. */
import { describe, expect, it } from 'vitest'
import { isRogatoryError } from '../../src/errors/rogatory-error.js'
import { PROFILES } from '../../src/treaty/profile.js'
import {
  type ConsentFact,
  decideUse,
  USE_RULES,
  type UseFacts,
} from '../../src/treaty/use/decide-use.js'
import {
  CONDITION_KINDS,
  DEFAULT_RESTRICTIONS,
  type ProposedUse,
  type UseRestriction,
} from '../../src/treaty/use/restrictions.js'
import { REGISTRY } from '../helpers.js'

const o = { profile: 'zero-draft-2023' as const, asOf: '2027-06-01', registry: REGISTRY }
const use = (u: Partial<ProposedUse>): ProposedUse => ({
  kind: 'use',
  purpose: 'stated',
  description: 'Proceedings 2027/114 (fictional)',
  recipient: null,
  exculpatory: false,
  consentId: null,
  ...u,
})
const condition = (
  c: (typeof CONDITION_KINDS)[number],
  until: string | null = null,
): UseRestriction => ({
  kind: 'condition',
  cite: '40(27)',
  condition: c,
  text: c,
  until,
})
const received = (
  u: Partial<ProposedUse>,
  extra: UseRestriction[] = [],
  consent: ConsentFact | null = null,
): UseFacts => ({
  side: 'received',
  other: 'XBO',
  self: 'XAR',
  restrictions: [...DEFAULT_RESTRICTIONS, ...extra],
  consent,
  use: use(u),
})

describe('use decisions', () => {
  it('use in the stated proceedings is allowed under 40(19)', () => {
    expect(decideUse(received({}), o)).toMatchObject({
      outcome: 'allowed',
      rule: 'use.specialty.stated',
      notify: false,
    })
  })
  it('other proceedings need prior consent (40(19)); consent of the same kind opens the way', () => {
    expect(decideUse(received({ purpose: 'other' }), o)).toMatchObject({
      outcome: 'refused',
      rule: 'use.specialty.refused',
    })
    expect(
      decideUse(
        received({ purpose: 'other' }, [], { kind: 'use', recipient: null, granted: true }),
        o,
      ).outcome,
    ).toBe('allowed')
    expect(
      decideUse(
        received({ purpose: 'other' }, [], { kind: 'use', recipient: null, granted: false }),
        o,
      ).outcome,
    ).toBe('refused')
    expect(
      decideUse(
        received({ purpose: 'other' }, [], { kind: 'disclose', recipient: null, granted: true }),
        o,
      ).outcome,
    ).toBe('refused')
  })
  it('exculpatory disclosure is allowed with prior notice (40(19)), unless an accepted condition bars it (40(27))', () => {
    const d = decideUse(received({ kind: 'disclose', purpose: 'other', exculpatory: true }), o)
    expect(d).toMatchObject({
      outcome: 'allowed-with-notice',
      rule: 'use.specialty.exculpatory',
      notify: true,
    })
    expect(d.cites.map((c) => c.cite)).toEqual(['40(19)'])
    expect(
      decideUse(
        received({ kind: 'disclose', purpose: 'other', exculpatory: true }, [
          condition('purpose-only'),
        ]),
        o,
      ).outcome,
    ).toBe('refused')
  })
  it('onward transfer follows the engine: refused without written authorisation (36(3)), allowed with it', () => {
    const t = { kind: 'transfer' as const, recipient: 'XCA' }
    const refused = decideUse(received(t), o)
    expect(refused).toMatchObject({ outcome: 'refused', rule: 'onward.drafts.unauthorised' })
    expect(refused.cites[0]!.cite).toBe('36(3)')
    const granted = { kind: 'transfer' as const, recipient: 'XCA', granted: true }
    expect(decideUse(received(t, [], granted), o).outcome).toBe('allowed')
    expect(decideUse(received({ ...t, recipient: 'XBO' }, [], granted), o).outcome).toBe('refused')
    expect(decideUse(received(t, [condition('no-onward-transfer')]), o).rule).toBe(
      'use.transfer.condition',
    )
    // Under the adopted text the reading is unverified, and says so.
    const adopted = decideUse(received(t), { ...o, profile: 'adopted-2024' })
    expect(adopted.cites.every((c) => c.trust !== 'verified')).toBe(true)
  })
  it('a delete-by condition past its date refuses every use (40(27))', () => {
    expect(decideUse(received({}, [condition('delete-by', '2027-05-31')]), o).rule).toBe(
      'use.condition.deleted',
    )
    expect(decideUse(received({}, [condition('delete-by', '2027-06-01')]), o).outcome).toBe(
      'allowed',
    )
  })
  it('a confidential request held by the requested State is not disclosed except to execute it (40(20))', () => {
    const held = (u: Partial<ProposedUse>): UseFacts => ({
      side: 'held',
      other: 'XAR',
      self: 'XBO',
      restrictions: [{ kind: 'confidentiality', cite: '40(20)' }],
      consent: null,
      use: use(u),
    })
    expect(decideUse(held({ kind: 'disclose', purpose: 'other' }), o).outcome).toBe('refused')
    expect(decideUse(held({ kind: 'disclose', purpose: 'execution' }), o).outcome).toBe('allowed')
  })
  it('a transfer without a recipient is bad input, naming the field', () => {
    const e = (() => {
      try {
        decideUse(received({ kind: 'transfer' }), o)
      } catch (err) {
        return err
      }
    })()
    expect(isRogatoryError(e) && e.code === 'ERR_INPUT_INVALID' && e.path === 'recipient').toBe(
      true,
    )
  })

  it('exactly one rule applies to every combination of facts, on every profile (no gap, no conflict)', () => {
    const consents: (ConsentFact | null)[] = [
      null,
      { kind: 'use', recipient: null, granted: true },
      { kind: 'disclose', recipient: null, granted: true },
      { kind: 'transfer', recipient: 'XCA', granted: true },
      { kind: 'transfer', recipient: 'XCA', granted: false },
    ]
    let cases = 0
    for (const profile of PROFILES)
      for (const side of ['received', 'held'] as const)
        for (const kind of ['use', 'disclose', 'transfer'] as const)
          for (const purpose of ['stated', 'other', 'execution'] as const)
            for (const exculpatory of [false, true])
              for (const consent of consents)
                for (let mask = 0; mask < 1 << (CONDITION_KINDS.length + 1); mask++) {
                  const restrictions: UseRestriction[] = [...DEFAULT_RESTRICTIONS]
                  CONDITION_KINDS.forEach((c, i) => {
                    if (mask & (1 << i))
                      restrictions.push(condition(c, c === 'delete-by' ? '2027-01-01' : null))
                  })
                  if (mask & (1 << CONDITION_KINDS.length))
                    restrictions.push({ kind: 'confidentiality', cite: '40(20)' })
                  const d = decideUse(
                    {
                      side,
                      other: 'XBO',
                      self: 'XAR',
                      restrictions,
                      consent,
                      use: use({ kind, purpose, exculpatory, recipient: 'XCA' }),
                    },
                    { ...o, profile },
                  )
                  expect(['allowed', 'allowed-with-notice', 'refused']).toContain(d.outcome)
                  cases++
                }
    expect(cases).toBe(3 * 2 * 3 * 3 * 2 * 5 * 32)
    expect(USE_RULES.every((r) => r.cites.length > 0)).toBe(true)
  })
})
