import { describe, expect, it } from 'vitest'
import { ask, assess, findings, groundsOf, request } from '../helpers.js'

describe('obligations (profiles.md §9)', () => {
  it('postponement: possible for the MLA family, and consultation comes first', () => {
    const a = assess(request(), findings({ interferesWithOngoingCase: true }))
    expect(a.outcome).toBe('no-listed-ground')
    expect(a.obligations).toEqual(['postpone-possible', 'consult-before-refusal'])
    expect(
      assess(
        request({
          type: 'preservation',
          fields: {
            requestingAuthority: 'a',
            offenceAndFacts: 'b',
            dataToPreserve: 'c',
            necessity: 'd',
            intentToSubmitMla: 'e',
          },
        }),
        findings({ interferesWithOngoingCase: true }),
      ).obligations,
    ).toEqual([])
  })

  it('bank secrecy (40(23)) and fiscal matters (40(22)) are excluded, never grounds', () => {
    const a = assess(
      request(),
      findings({ refusalReasonsOffered: ['bank-secrecy', 'fiscal-matter', 'too-busy'] }),
    )
    expect(a.excludedGrounds).toEqual(['bank-secrecy', 'fiscal-matter'])
    expect(a.grounds).toEqual([])
    expect(a.trail.find((s) => s.decision === 'excluded bank-secrecy')?.cites).toEqual(['40'])
  })

  it('a 40(21) ground requires consultation; 40(8), Art 6 and 36(1) grounds do not (outside OHCHR)', () => {
    expect(assess(request(), findings({ contraryToLegalSystem: true })).obligations).toContain(
      'consult-before-refusal',
    )
    expect(assess(request(), findings({ humanRightsRisk: 'torture' })).obligations).not.toContain(
      'consult-before-refusal',
    )
    expect(
      assess(request(), findings({ humanRightsRisk: 'torture' }), { profile: 'ohchr-2023' })
        .obligations,
    ).toContain('consult-before-refusal')
  })
})

describe('onward transfer (profiles.md §8, Art 36(3))', () => {
  const q = (over: Record<string, unknown> = {}) =>
    ({
      kind: 'onward-transfer',
      from: 'XAR',
      holder: 'XBO',
      to: 'XDE',
      writtenAuthorization: false,
      ...over,
    }) as never

  it('drafts: only with prior written authorization', () => {
    const refused = ask(q({ authorized: true }), { profile: 'zero-draft-2023' })
    expect(refused.outcome).toBe('must-refuse')
    expect(refused.grounds).toEqual([
      {
        code: 'onward-transfer-unauthorised',
        mandatory: true,
        cites: ['36(3)'],
        trust: 'verified',
      },
    ])
    expect(refused.obligations).toEqual([])
    expect(ask(q({ writtenAuthorization: true }), { profile: 'ohchr-2023' }).outcome).toBe(
      'no-listed-ground',
    )
  })

  it('adopted: prior authorization, in writing where the original State requires it', () => {
    expect(ask(q({ authorized: true })).outcome).toBe('must-refuse') // XAR requires writing
    expect(ask(q({ from: 'XBO', holder: 'XAR', authorized: true })).outcome).toBe(
      'no-listed-ground',
    ) // XBO does not
    expect(ask(q({ from: 'XBO', holder: 'XAR' })).outcome).toBe('must-refuse')
    expect(
      ask(q({ from: 'XBO', holder: 'XAR', writtenAuthorization: true, authorized: false })).outcome,
    ).toBe('no-listed-ground')
  })

  it('checks scope between the original State and the holder, not the third country (§12.1)', () => {
    expect(groundsOf(ask(q({ holder: 'XDE', to: 'XBO' })))).toEqual({ 'not-party': false })
    expect(ask(q({ writtenAuthorization: true })).outcome).toBe('no-listed-ground') // XDE is not a Party: irrelevant
  })
})

describe('date questions (profiles.md §2, §8)', () => {
  it('entry into force, for a late depositor, and denunciation', () => {
    expect(ask({ kind: 'entry-into-force', state: 'XGO' }).dates).toEqual({
      generalEntryIntoForce: '2026-12-29',
      entryIntoForceForState: '2027-03-16',
      denunciationEffective: null,
    })
    expect(ask({ kind: 'entry-into-force', state: 'XFR' }).dates.denunciationEffective).toBe(
      '2028-05-01',
    )
    expect(
      ask({ kind: 'entry-into-force', state: 'XFR' }, { asOf: '2027-04-30' }).dates
        .denunciationEffective,
    ).toBeNull()
    expect(ask({ kind: 'entry-into-force', state: 'XDE' }).dates.entryIntoForceForState).toBeNull()
    expect(
      ask({ kind: 'entry-into-force', state: 'XAR' }, { asOf: '2026-09-29' }).dates
        .generalEntryIntoForce,
    ).toBeNull()
  })

  it('preservation: drafts at most 90 days plus one extension; adopted at least 60 days', () => {
    const base = {
      kind: 'preservation-period' as const,
      preservedOn: '2027-01-10',
      mlaRequestReceived: null,
    }
    expect(ask({ ...base, extensions: [] }, { profile: 'zero-draft-2023' }).dates).toEqual({
      maximumUntil: '2027-04-10',
      minimumUntil: null,
    })
    expect(
      ask({ ...base, extensions: ['2027-03-20', '2027-05-01'] }, { profile: 'ohchr-2023' }).dates
        .maximumUntil,
    ).toBe('2027-07-09')
    // An extension asked after expiry, or before preservation, does not count.
    expect(
      ask({ ...base, extensions: ['2027-04-11'] }, { profile: 'zero-draft-2023' }).dates
        .maximumUntil,
    ).toBe('2027-04-10')
    expect(
      ask({ ...base, extensions: ['2027-01-01'] }, { profile: 'zero-draft-2023' }).dates
        .maximumUntil,
    ).toBe('2027-04-10')
    expect(ask({ ...base, extensions: ['2027-02-01'] }).dates).toEqual({
      minimumUntil: '2027-03-11',
      maximumUntil: null,
    })
  })

  it('an MLA request received in time keeps the data preserved pending the decision', () => {
    const q = (received: string) => ({
      kind: 'preservation-period' as const,
      preservedOn: '2027-01-10',
      extensions: [],
      mlaRequestReceived: received,
    })
    expect(ask(q('2027-03-11')).obligations).toEqual(['preserve-pending-decision'])
    expect(ask(q('2027-03-12')).obligations).toEqual([])
    expect(ask(q('2027-04-10'), { profile: 'zero-draft-2023' }).obligations).toEqual([
      'preserve-pending-decision',
    ])
  })
})
