import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/lib/iso-date.js'
import { type ConductCode, DISCRIMINATION_GROUNDS, REQUEST_TYPES } from '../../src/treaty/codes.js'
import { outcomeOf, outcomeRank } from '../../src/treaty/engine/assessment.js'
import { generalEntry, stateStatus } from '../../src/treaty/party-status.js'
import { PROFILES } from '../../src/treaty/profile.js'
import type { Findings } from '../../src/treaty/question-schema.js'
import {
  assess,
  FULL_MLA_FIELDS,
  findings,
  PRESERVATION_FIELDS,
  REALTIME_FIELDS,
  REGISTRY,
  registryWith,
  request,
} from '../helpers.js'

const PARTIES = ['XAR', 'XBO', 'XCA', 'XHE', 'XGO']

const requestArb = fc
  .record({
    type: fc.constantFrom(...REQUEST_TYPES),
    pair: fc.constantFrom(
      ...PARTIES.flatMap((a) => PARTIES.filter((b) => b !== a).map((b) => [a, b] as const)),
    ),
    offenceIndex: fc.nat(),
    extraConduct: fc.subarray(['misuse-of-devices', 'tax-evasion', 'defamation'] as ConductCode[]),
    language: fc.constantFrom('en', 'fr', 'es'),
    oral: fc.boolean(),
    urgent: fc.boolean(),
    consents: fc.constantFrom(null, true, false),
  })
  .map((r) => {
    const from = REGISTRY.findState(r.pair[0])!
    const offence = from.offences[r.offenceIndex % from.offences.length]!
    return request({
      type: r.type,
      from: r.pair[0],
      to: r.pair[1],
      offence: offence.code,
      conduct: [...new Set([...offence.conduct, ...r.extraConduct])],
      language: r.language,
      oral: r.oral,
      urgent: r.urgent,
      channel: r.type === 'emergency-disclosure' ? '24/7' : 'central-authority',
      fields: {
        ...FULL_MLA_FIELDS,
        ...PRESERVATION_FIELDS,
        ...REALTIME_FIELDS,
        justifyingEvidence: 'x',
      },
      person: {
        nationality: r.pair[1],
        presentIn: r.pair[1],
        sentenceRemainingMonths: null,
        detained: true,
        consents: r.consents,
      },
    })
  })

const findingsArb = fc.record({
  politicalOffence: fc.boolean(),
  discriminationGrounds: fc.subarray([...DISCRIMINATION_GROUNDS], { maxLength: 3 }),
  humanRightsRisk: fc.constantFrom(null, 'torture', 'unfair-trial'),
  essentialInterests: fc.boolean(),
  otherEssentialInterests: fc.boolean(),
  domesticLawBars: fc.boolean(),
  contraryToLegalSystem: fc.boolean(),
  deMinimis: fc.boolean(),
  interferesWithOngoingCase: fc.boolean(),
  dataProtectionBars: fc.boolean(),
  deathOrSeriousHarm: fc.boolean(),
})

/** f' ⊇ f: every finding of f still holds, plus more. deathOrSeriousHarm is a scope fact, kept equal. */
function widen(f: Findings, g: Findings): Findings {
  return findings({
    politicalOffence: f.politicalOffence || g.politicalOffence,
    discriminationGrounds: [...new Set([...f.discriminationGrounds, ...g.discriminationGrounds])],
    humanRightsRisk: f.humanRightsRisk ?? g.humanRightsRisk,
    essentialInterests: f.essentialInterests || g.essentialInterests,
    otherEssentialInterests: f.otherEssentialInterests || g.otherEssentialInterests,
    domesticLawBars: f.domesticLawBars || g.domesticLawBars,
    contraryToLegalSystem: f.contraryToLegalSystem || g.contraryToLegalSystem,
    deMinimis: f.deMinimis || g.deMinimis,
    interferesWithOngoingCase: f.interferesWithOngoingCase || g.interferesWithOngoingCase,
    dataProtectionBars: f.dataProtectionBars || g.dataProtectionBars,
    deathOrSeriousHarm: f.deathOrSeriousHarm,
  })
}

describe('monotonicity', () => {
  it('adding a mandatory ground to any set of grounds gives must-refuse', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ mandatory: fc.boolean() })), (gs) => {
        expect(outcomeOf([...gs, { mandatory: true }])).toBe('must-refuse')
        expect(outcomeRank(outcomeOf([...gs, { mandatory: false }]))).toBeGreaterThanOrEqual(
          outcomeRank(outcomeOf(gs)),
        )
      }),
    )
  })

  it('more findings never weaken an outcome, drop a ground or soften a mandatory one, under every profile', () => {
    fc.assert(
      fc.property(
        requestArb,
        findingsArb,
        findingsArb,
        fc.constantFrom(...PROFILES),
        (req, f1, f2, profile) => {
          const base = findings(f1)
          const wider = widen(base, findings(f2))
          const a = assess(req, base, { profile })
          const b = assess(req, wider, { profile })
          expect(outcomeRank(b.outcome!)).toBeGreaterThanOrEqual(outcomeRank(a.outcome!))
          for (const g of a.grounds) {
            const h = b.grounds.find((x) => x.code === g.code)
            expect(h, `${g.code} dropped`).toBeDefined()
            if (g.mandatory) expect(h!.mandatory).toBe(true)
          }
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('party status properties (profiles.md §2)', () => {
  const asOfArb = fc.integer({ min: 0, max: 1200 }).map((n) => addDays('2026-01-01', n))

  it('a State is never in force before the general date, nor before its own deposit', () => {
    fc.assert(
      fc.property(
        asOfArb,
        fc.constantFrom(...[...REGISTRY.states].map((s) => s.code)),
        (asOf, code) => {
          const s = REGISTRY.findState(code)!
          const st = stateStatus(REGISTRY, s, asOf)
          const g = generalEntry(REGISTRY, asOf)
          if (st.entryIntoForce !== null) {
            expect(st.entryIntoForce >= g.date!).toBe(true)
            expect(st.entryIntoForce > s.instrumentDeposited!).toBe(true)
          }
          if (st.isParty) expect(st.deposited && st.inForce && !st.denounced).toBe(true)
        },
      ),
    )
  })

  it('once a Party, a State stays one until its denunciation takes effect', () => {
    fc.assert(
      fc.property(asOfArb, fc.integer({ min: 1, max: 400 }), (asOf, later) => {
        for (const s of REGISTRY.states) {
          const now = stateStatus(REGISTRY, s, asOf)
          const then = stateStatus(REGISTRY, s, addDays(asOf, later))
          if (now.isParty && !then.denounced) expect(then.isParty).toBe(true)
        }
      }),
    )
  })

  it('adding deposits never delays the general entry into force', () => {
    fc.assert(
      fc.property(fc.array(asOfArb, { maxLength: 10 }), asOfArb, (extra, asOf) => {
        const before = generalEntry(REGISTRY, asOf).date
        const more = registryWith({ otherDeposits: [...REGISTRY.document.otherDeposits, ...extra] })
        const after = generalEntry(more, asOf).date
        if (before !== null) expect(after !== null && after <= before).toBe(true)
      }),
      { numRuns: 60 },
    )
  })
})
