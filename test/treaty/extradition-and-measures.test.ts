import { describe, expect, it } from 'vitest'
import {
  assess,
  citesOf,
  FULL_MLA_FIELDS,
  findings,
  groundsOf,
  REALTIME_FIELDS,
  registryWith,
  request,
} from '../helpers.js'

const ext = (over: Parameters<typeof request>[0] = {}) =>
  request({
    type: 'extradition',
    fields: {},
    person: {
      nationality: 'XAR',
      presentIn: 'XBO',
      sentenceRemainingMonths: null,
      detained: false,
      consents: null,
    },
    ...over,
  })

describe('extradition (profiles.md §5, Art 37)', () => {
  it('threshold: at least 12 months under both laws', () => {
    expect(groundsOf(assess(ext()))).toEqual({})
    // XCA punishes illegal access by 6 months.
    const a = assess(
      ext({ to: 'XCA', offence: 'XAR-PC-301', conduct: ['illegal-access'] }),
      findings(),
      { profile: 'zero-draft-2023' },
    )
    expect(groundsOf(a)).toEqual({ 'extradition-threshold': false })
    expect(citesOf(a, 'extradition-threshold')).toEqual(['37(1)'])
    // Requested offence missing entirely is covered by the threshold, never by no-dual-criminality.
    const b = assess(ext({ offence: 'XAR-PC-305', conduct: ['misuse-of-devices'] }))
    expect(groundsOf(b)).toEqual({ 'extradition-threshold': false })
  })

  it('sentence remaining under six months', () => {
    const p = {
      nationality: 'XAR',
      presentIn: 'XBO',
      sentenceRemainingMonths: 5,
      detained: true,
      consents: null,
    }
    expect(groundsOf(assess(ext({ person: p })))).toEqual({ 'sentence-remaining': false })
    expect(groundsOf(assess(ext({ person: { ...p, sentenceRemainingMonths: 6 } })))).toEqual({})
  })

  it('nationals: a State that refuses gets the nationality ground and must submit for prosecution', () => {
    const a = assess(
      ext({
        person: {
          nationality: 'XBO',
          presentIn: 'XBO',
          sentenceRemainingMonths: null,
          detained: false,
          consents: null,
        },
      }),
      findings(),
      { profile: 'zero-draft-2023' },
    )
    expect(groundsOf(a)).toEqual({ nationality: false })
    expect(citesOf(a, 'nationality')).toEqual(['37(11)'])
    expect([...a.obligations].sort()).toEqual([
      'consult-before-refusal',
      'give-reasons',
      'inform-decision',
      'submit-for-prosecution',
    ])
    // conditional-return and allows give no ground.
    const r = registryWith({
      states: [{ code: 'XBO', nationalityExtradition: 'conditional-return' }],
    })
    expect(
      groundsOf(
        assess(
          ext({
            person: {
              nationality: 'XBO',
              presentIn: 'XBO',
              sentenceRemainingMonths: null,
              detained: false,
              consents: null,
            },
          }),
          findings(),
          { registry: r },
        ),
      ),
    ).toEqual({})
  })

  it('every extradition in scope carries inform-decision; any ground requires consultation (37(17))', () => {
    expect(assess(ext()).obligations).toEqual(['inform-decision'])
    expect(assess(ext(), findings({ humanRightsRisk: 'death-penalty' })).obligations).toEqual([
      'give-reasons',
      'consult-before-refusal',
      'inform-decision',
    ])
  })

  it('37(15): OHCHR any prohibited ground, political offence and human-rights violation, all discretionary', () => {
    const so = findings({ discriminationGrounds: ['sexual-orientation'] })
    expect(groundsOf(assess(ext(), so, { profile: 'ohchr-2023' }))).toEqual({
      discrimination: false,
    })
    expect(groundsOf(assess(ext(), so, { profile: 'zero-draft-2023' }))).toEqual({})
    expect(
      groundsOf(
        assess(ext(), findings({ discriminationGrounds: ['ethnic-origin'] }), {
          profile: 'zero-draft-2023',
        }),
      ),
    ).toEqual({ discrimination: false })
    expect(
      groundsOf(assess(ext(), findings({ politicalOffence: true }), { profile: 'ohchr-2023' })),
    ).toEqual({ 'political-offence': false })
    expect(groundsOf(assess(ext(), findings({ politicalOffence: true })))).toEqual({})
    expect(
      citesOf(assess(ext(), findings({ humanRightsRisk: 'torture' })), 'human-rights-risk'),
    ).toEqual(['6'])
  })

  it('domestic law bars (37(8)); fiscal matters excluded (37(16)); bank secrecy is no Art 37 matter', () => {
    expect(
      citesOf(
        assess(ext(), findings({ domesticLawBars: true }), { profile: 'zero-draft-2023' }),
        'domestic-law-bars',
      ),
    ).toEqual(['37(8)'])
    const a = assess(ext(), findings({ refusalReasonsOffered: ['fiscal-matter', 'bank-secrecy'] }))
    expect(a.excludedGrounds).toEqual(['fiscal-matter'])
    expect(groundsOf(a)).toEqual({})
  })
})

describe('special measures (profiles.md §5)', () => {
  it('real-time traffic data: owed for serious crimes only (45(2))', () => {
    const rt = request({
      type: 'realtime-traffic',
      offence: 'XAR-PC-301',
      conduct: ['illegal-access'],
      fields: REALTIME_FIELDS,
    })
    expect(
      citesOf(assess(rt, findings(), { profile: 'zero-draft-2023' }), 'realtime-threshold'),
    ).toEqual(['45(2)'])
    expect(
      groundsOf(assess(request({ ...rt, offence: 'XAR-PC-302', conduct: ['computer-fraud'] }))),
    ).toEqual({})
    // OHCHR applies its serious-crime test: harm and seriousness in both States.
    expect(
      groundsOf(
        assess(request({ ...rt, offence: 'XAR-PC-302', conduct: ['computer-fraud'] }), findings(), {
          profile: 'ohchr-2023',
        }),
      ),
    ).toEqual({ 'realtime-threshold': false })
  })

  it('interception: only where a treaty applies between the two (46), in either order', () => {
    const i = request({
      type: 'interception',
      from: 'XHE',
      to: 'XCA',
      offence: 'XHE-1',
      conduct: ['illegal-access'],
      fields: FULL_MLA_FIELDS,
    })
    expect(groundsOf(assess(i))).toEqual({})
    expect(
      groundsOf(assess(request({ ...i, from: 'XCA', to: 'XHE', offence: 'XCA-PEN-1' }))),
    ).toEqual({})
    expect(
      groundsOf(assess(request({ ...i, from: 'XAR', to: 'XBO', offence: 'XAR-PC-301' }))),
    ).toEqual({ 'interception-no-basis': false })
  })

  it('transfer of a detained person requires consent (40(9)(a), mandatory)', () => {
    const t = request({
      type: 'transfer-detained-person',
      person: {
        nationality: 'XBO',
        presentIn: 'XAR',
        sentenceRemainingMonths: 12,
        detained: true,
        consents: null,
      },
    })
    expect(groundsOf(assess(t))).toEqual({ 'no-consent': true })
    expect(assess(t).outcome).toBe('must-refuse')
    expect(groundsOf(assess(request({ ...t, person: { ...t.person, consents: true } })))).toEqual(
      {},
    )
  })
})
