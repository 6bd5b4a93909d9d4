import { describe, expect, it } from 'vitest'
import type { ProfileId } from '../../src/treaty/profile.js'
import {
  assess,
  citesOf,
  FULL_MLA_FIELDS,
  findings,
  groundsOf,
  PRESERVATION_FIELDS,
  REALTIME_FIELDS,
  request,
} from '../helpers.js'

const under = (profile: ProfileId) => ({ profile })
const misuse = request({ offence: 'XAR-PC-305', conduct: ['misuse-of-devices'] })

describe('dual criminality (profiles.md §4, §5)', () => {
  it('is conduct-based: whatever the name or penalty of the requested State offence', () => {
    // XBO punishes illegal access by only 24 months under a different name; still criminal.
    expect(
      groundsOf(assess(request({ offence: 'XAR-PC-301', conduct: ['illegal-access'] }))),
    ).toEqual({})
  })

  it('MLA: discretionary 40(8) in the zero draft, mandatory under OHCHR, discretionary 40 adopted', () => {
    expect(groundsOf(assess(misuse, findings(), under('zero-draft-2023')))).toEqual({
      'no-dual-criminality': false,
    })
    expect(groundsOf(assess(misuse, findings(), under('ohchr-2023')))).toEqual({
      'no-dual-criminality': true,
    })
    const adopted = assess(misuse)
    expect(citesOf(adopted, 'no-dual-criminality')).toEqual(['40'])
    expect(adopted.grounds[0]?.trust).toBe('partial')
  })

  it('requires every conduct code to be covered', () => {
    const two = request({ conduct: ['computer-fraud', 'misuse-of-devices'] })
    expect(groundsOf(assess(two))).toEqual({ 'no-dual-criminality': false })
  })

  it('preservation: not required (42(3)) except under OHCHR, where A65 deletes that sentence', () => {
    const p = request({
      type: 'preservation',
      offence: 'XAR-PC-305',
      conduct: ['misuse-of-devices'],
      channel: '24/7',
      fields: PRESERVATION_FIELDS,
    })
    expect(groundsOf(assess(p, findings(), under('zero-draft-2023')))).toEqual({})
    expect(groundsOf(assess(p))).toEqual({})
    const ohchr = assess(
      request({ ...p, fields: { ...PRESERVATION_FIELDS, justifyingEvidence: 'Logs attached.' } }),
      findings(),
      under('ohchr-2023'),
    )
    expect(groundsOf(ohchr)).toEqual({ 'no-dual-criminality': false })
    expect(ohchr.grounds[0]?.trust).toBe('partial')
  })

  it('preservation with a 42(4) reservation: dual criminality at disclosure, for non-Convention offences only', () => {
    const tax = request({
      type: 'preservation',
      to: 'XCA',
      offence: 'XAR-PC-340',
      conduct: ['tax-evasion'],
      fields: PRESERVATION_FIELDS,
    })
    expect(groundsOf(assess(tax, findings(), under('zero-draft-2023')))).toEqual({
      'dual-criminality-at-disclosure': false,
    })
    expect(
      citesOf(assess(tax, findings(), under('zero-draft-2023')), 'dual-criminality-at-disclosure'),
    ).toEqual(['42(4)'])
    expect(citesOf(assess(tax), 'dual-criminality-at-disclosure')).toEqual(['42'])
    // Under OHCHR the no-dual-criminality row supersedes it.
    const ohchr = assess(
      request({ ...tax, fields: { ...PRESERVATION_FIELDS, justifyingEvidence: 'x' } }),
      findings({ deathOrSeriousHarm: true }),
      under('ohchr-2023'),
    )
    expect(Object.keys(groundsOf(ohchr))).not.toContain('dual-criminality-at-disclosure')
    // A Convention offence is never refused under the reservation (XCA lacks misuse... it has misuse-of-devices; use system-interference).
    const conv = request({ ...tax, offence: 'XAR-PC-306', conduct: ['system-interference'] })
    expect(groundsOf(assess(conv))).toEqual({})
  })

  it('is never reported for extradition or traffic disclosure', () => {
    expect(
      Object.keys(groundsOf(assess(request({ ...misuse, type: 'traffic-disclosure' })))),
    ).toEqual([])
    expect(
      Object.keys(groundsOf(assess(request({ ...misuse, type: 'extradition' })))),
    ).not.toContain('no-dual-criminality')
  })
})

describe('form of the request (profiles.md §6)', () => {
  it('missing required fields make the request non-conforming and ask for more information', () => {
    const { factsSummary: _f, ...rest } = FULL_MLA_FIELDS
    const a = assess(
      request({ fields: { ...rest, purposeAndPeriod: '   ' } }),
      findings(),
      under('zero-draft-2023'),
    )
    expect(a.missingFields).toEqual(['factsSummary', 'purposeAndPeriod'])
    expect(citesOf(a, 'nonconforming-request')).toEqual(['40(21)(a)'])
    expect(a.obligations).toEqual(
      expect.arrayContaining([
        'request-additional-information',
        'consult-before-refusal',
        'give-reasons',
      ]),
    )
  })

  it('personsConcerned (40(15)(e)) and custodianOrLocation (42(2)(d)) are never required', () => {
    const { personsConcerned: _p, ...rest } = FULL_MLA_FIELDS
    expect(assess(request({ fields: rest })).missingFields).toEqual([])
    const { custodianOrLocation: _c, ...pres } = PRESERVATION_FIELDS
    expect(assess(request({ type: 'preservation', fields: pres })).missingFields).toEqual([])
  })

  it('uses the provision list of each type: preservation 42(2), real-time 45(3), OHCHR adds justifyingEvidence', () => {
    const p = assess(
      request({ type: 'preservation', fields: {} }),
      findings(),
      under('zero-draft-2023'),
    )
    expect(p.missingFields).toEqual([
      'requestingAuthority',
      'offenceAndFacts',
      'dataToPreserve',
      'necessity',
      'intentToSubmitMla',
    ])
    expect(citesOf(p, 'nonconforming-request')).toEqual(['42(2)'])
    expect(
      assess(
        request({ type: 'preservation', fields: PRESERVATION_FIELDS }),
        findings(),
        under('ohchr-2023'),
      ).missingFields,
    ).toEqual(['justifyingEvidence'])
    const rt = assess(
      request({
        type: 'realtime-traffic',
        offence: 'XAR-PC-302',
        fields: { ...REALTIME_FIELDS, collectionPeriod: null },
      }),
      findings(),
      under('zero-draft-2023'),
    )
    expect(rt.missingFields).toEqual(['collectionPeriod'])
    expect(citesOf(rt, 'nonconforming-request')).toEqual(['45(3)'])
  })

  it('a language the requested State does not accept is a ground of its own (40(13))', () => {
    const a = assess(request({ language: 'fr' }), findings(), under('zero-draft-2023'))
    expect(groundsOf(a)).toEqual({ 'language-not-accepted': false })
    expect(a.obligations).toContain('consult-before-refusal')
    // Not for preservation, traffic disclosure or emergency disclosure.
    expect(
      groundsOf(
        assess(request({ type: 'preservation', language: 'fr', fields: PRESERVATION_FIELDS })),
      ),
    ).toEqual({})
  })

  it('oral requests: without urgency non-conforming; urgent ones must be confirmed in writing', () => {
    const oral = assess(request({ oral: true }), findings(), under('zero-draft-2023'))
    expect(citesOf(oral, 'nonconforming-request')).toEqual(['40(13)'])
    const urgent = assess(request({ oral: true, urgent: true }))
    expect(groundsOf(urgent)).toEqual({})
    expect(urgent.obligations).toEqual(['confirm-in-writing'])
    expect(
      assess(request({ type: 'extradition', oral: true, urgent: true })).obligations,
    ).not.toContain('confirm-in-writing')
  })

  it('an emergency disclosure must come through the 24/7 channel (41(3))', () => {
    const fields = {
      requestingAuthority: 'Unit',
      factsSummary: 'Imminent threat to life.',
      assistanceSought: 'Location data.',
    }
    expect(
      groundsOf(assess(request({ type: 'emergency-disclosure', channel: '24/7', fields }))),
    ).toEqual({})
    const wrong = assess(
      request({ type: 'emergency-disclosure', channel: 'central-authority', fields }),
      findings(),
      under('zero-draft-2023'),
    )
    expect(citesOf(wrong, 'nonconforming-request')).toEqual(['41(3)'])
    expect(
      citesOf(
        assess(request({ type: 'emergency-disclosure', channel: 'diplomatic', fields })),
        'nonconforming-request',
      ),
    ).toEqual(['41'])
  })
})

describe('findings of the requested State (profiles.md §5)', () => {
  it('essential interests: mandatory under OHCHR; "other essential interests" stay discretionary', () => {
    expect(
      groundsOf(assess(request(), findings({ essentialInterests: true }), under('ohchr-2023'))),
    ).toEqual({ 'essential-interests': true })
    expect(
      groundsOf(
        assess(request(), findings({ essentialInterests: true }), under('zero-draft-2023')),
      ),
    ).toEqual({ 'essential-interests': false })
    expect(
      groundsOf(
        assess(request(), findings({ otherEssentialInterests: true }), under('ohchr-2023')),
      ),
    ).toEqual({ 'essential-interests': false })
    // Both: the stronger force wins.
    expect(
      groundsOf(
        assess(
          request(),
          findings({ essentialInterests: true, otherEssentialInterests: true }),
          under('ohchr-2023'),
        ),
      ),
    ).toEqual({ 'essential-interests': true })
  })

  it('political offence: none in the zero draft or adopted text, mandatory under OHCHR', () => {
    const f = findings({ politicalOffence: true })
    expect(groundsOf(assess(request(), f, under('zero-draft-2023')))).toEqual({})
    expect(groundsOf(assess(request(), f))).toEqual({})
    expect(groundsOf(assess(request(), f, under('ohchr-2023')))).toEqual({
      'political-offence': true,
    })
    // The trail says why nothing was reported.
    expect(
      assess(request(), f).trail.some((s) => s.rule === 'ground.political-offence.mla.none'),
    ).toBe(true)
  })

  it('human-rights risk: Art 5 only in the zero draft, mandatory OHCHR, discretionary Art 6 adopted', () => {
    const f = findings({ humanRightsRisk: 'unfair-trial' })
    expect(groundsOf(assess(request(), f, under('zero-draft-2023')))).toEqual({})
    expect(groundsOf(assess(request(), f, under('ohchr-2023')))).toEqual({
      'human-rights-risk': true,
    })
    const adopted = assess(request(), f)
    expect(citesOf(adopted, 'human-rights-risk')).toEqual(['6'])
    expect(adopted.obligations).toEqual(['give-reasons'])
  })

  it('discrimination: OHCHR any prohibited ground (mandatory); adopted the treaty list only', () => {
    const so = findings({ discriminationGrounds: ['sexual-orientation'] })
    expect(groundsOf(assess(request(), so, under('ohchr-2023')))).toEqual({ discrimination: true })
    expect(groundsOf(assess(request(), so))).toEqual({})
    expect(groundsOf(assess(request(), findings({ discriminationGrounds: ['religion'] })))).toEqual(
      { discrimination: false },
    )
    expect(
      groundsOf(
        assess(
          request(),
          findings({ discriminationGrounds: ['religion'] }),
          under('zero-draft-2023'),
        ),
      ),
    ).toEqual({})
  })

  it('protected expression comes from the requesting offence, not a finding', () => {
    const insult = request({ offence: 'XAR-PC-311', conduct: ['illegal-access'] })
    expect(groundsOf(assess(insult))).toEqual({ 'protected-expression': false })
    expect(citesOf(assess(insult), 'protected-expression')).toEqual(['6(2)'])
    expect(groundsOf(assess(insult, findings(), under('ohchr-2023')))).toEqual({
      'protected-expression': true,
    })
    expect(groundsOf(assess(insult, findings(), under('zero-draft-2023')))).toEqual({})
  })

  it('domestic law bars (40(21)(c)) and legal system (40(21)(d))', () => {
    expect(
      groundsOf(assess(request(), findings({ domesticLawBars: true }), under('ohchr-2023'))),
    ).toEqual({ 'domestic-law-bars': true })
    expect(
      citesOf(
        assess(request(), findings({ domesticLawBars: true }), under('zero-draft-2023')),
        'domestic-law-bars',
      ),
    ).toEqual(['40(21)(c)'])
    expect(
      citesOf(
        assess(request(), findings({ contraryToLegalSystem: true }), under('zero-draft-2023')),
        'contrary-to-legal-system',
      ),
    ).toEqual(['40(21)(d)'])
  })

  it('de minimis (40(8)) is for the MLA family only; data protection (36(1)) also for traffic disclosure', () => {
    expect(groundsOf(assess(request(), findings({ deMinimis: true })))).toEqual({
      'de-minimis': false,
    })
    expect(
      groundsOf(assess(request({ type: 'traffic-disclosure' }), findings({ deMinimis: true }))),
    ).toEqual({})
    expect(
      groundsOf(
        assess(request({ type: 'traffic-disclosure' }), findings({ dataProtectionBars: true })),
      ),
    ).toEqual({ 'data-protection': false })
    expect(
      groundsOf(
        assess(
          request({ type: 'preservation', fields: PRESERVATION_FIELDS }),
          findings({ dataProtectionBars: true }),
        ),
      ),
    ).toEqual({})
    // Neither requires consultation: they are not 40(21) grounds.
    expect(assess(request(), findings({ deMinimis: true })).obligations).toEqual(['give-reasons'])
  })

  it('spontaneous information has no grounds, only the exculpatory-disclosure notice', () => {
    const a = assess(
      request({ type: 'spontaneous-information', language: 'zz' }),
      findings({ politicalOffence: true, essentialInterests: true }),
      under('ohchr-2023'),
    )
    expect(groundsOf(a)).toEqual({})
    expect(a.obligations).toEqual(['notify-before-exculpatory-disclosure'])
  })
})
