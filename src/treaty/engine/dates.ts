/**
 * @module treaty/engine/dates
 *
 * The date questions (profiles.md §2, §8): entry into force and
 * denunciation (Art 64/66 zero draft, 65/67 adopted), and the preservation
 * period (42(7)–(8) drafts; 42 adopted). Parameters per profile are data,
 * each with the provision it comes from, in the OpenFisca manner.
 */
import { addDays, type IsoDate } from '../../lib/iso-date.js'
import type { Registry } from '../../registry/registry.js'
import type { ObligationCode } from '../codes.js'
import { generalEntry, stateStatus } from '../party-status.js'
import type { ProfileId } from '../profile.js'
import { citationTrust } from '../provisions/catalog.js'
import type { EntryIntoForceQuestion, PreservationPeriodQuestion } from '../question-schema.js'
import type { Fact } from '../rules/rule.js'
import { type Step, weakest } from './assessment.js'

export interface DateAnswer {
  readonly dates: Record<string, IsoDate | null>
  readonly obligations: ObligationCode[]
  readonly trail: Step[]
}

const step = (
  profile: ProfileId,
  question: string,
  rule: string,
  section: string,
  decision: string,
  cites: string[],
  note: string,
  facts: Fact[],
  reading?: 'partial' | 'unverified',
): Step => {
  const marks = cites.map((c) => citationTrust(profile, c))
  if (reading) marks.push(reading)
  return {
    phase: 'dates',
    question,
    rule,
    section,
    decision,
    cites,
    trust: weakest(marks),
    note,
    facts,
  }
}

const EIF_CITES: Record<ProfileId, { general: string; state: string; denunciation: string }> = {
  'zero-draft-2023': { general: '64(1)', state: '64(2)', denunciation: '66(1)' },
  'ohchr-2023': { general: '64(1)', state: '64(2)', denunciation: '66(1)' },
  'adopted-2024': { general: '65(1)', state: '65(2)', denunciation: '67' },
}

export function entryIntoForce(
  profile: ProfileId,
  registry: Registry,
  asOf: IsoDate,
  q: EntryIntoForceQuestion,
): DateAnswer {
  const state = registry.state(q.state, 'question.state')
  const general = generalEntry(registry, asOf)
  const status = stateStatus(registry, state, asOf)
  const cites = EIF_CITES[profile]
  const trail = [
    step(
      profile,
      'dates.general-entry-into-force',
      'eif.general',
      'profiles.md §2',
      `general entry into force ${general.date ?? 'not yet determined'}`,
      [cites.general],
      'Ninetieth day after the fortieth counted instrument; REIO instruments are not counted.',
      [
        { name: `instruments counted on ${asOf}`, value: general.counted },
        { name: 'fortieth instrument deposited', value: general.fortiethDeposit },
      ],
    ),
    step(
      profile,
      'dates.entry-into-force-for-state',
      'eif.state',
      'profiles.md §2',
      `entry into force for ${state.code} ${status.entryIntoForce ?? 'none'}`,
      [cites.state],
      'A deposit on or before the fortieth instrument takes the general date; a later one the thirtieth day after it, or the general date if later.',
      [
        { name: `registry: ${state.code}.instrumentDeposited`, value: state.instrumentDeposited },
        { name: `registry: ${state.code}.reio`, value: state.reio },
      ],
    ),
    step(
      profile,
      'dates.denunciation',
      'denunciation',
      'profiles.md §2',
      `denunciation effective ${status.denunciationEffective ?? 'none'}`,
      [cites.denunciation],
      'Denunciation takes effect one year after the notification (29 February → 1 March).',
      [{ name: `registry: ${state.code}.denunciationNotified`, value: state.denunciationNotified }],
    ),
  ]
  return {
    dates: {
      generalEntryIntoForce: general.date,
      entryIntoForceForState: status.entryIntoForce,
      denunciationEffective: status.denunciationEffective,
    },
    obligations: [],
    trail,
  }
}

interface PreservationTerms {
  readonly kind: 'maximum' | 'minimum'
  readonly days: number
  /** Days one extension adds; 0 when extensions do not change the date. */
  readonly extensionDays: number
  readonly cites: string[]
  readonly extensionCite: string
  readonly pendingCite: string
  readonly reading?: 'partial' | 'unverified'
  readonly note: string
}

/** profiles.md §8: "not more than ninety days" + one extension (42(7)–(8) V); adopted "not less than sixty days" (42 U; Budapest 29(7) V). */
/** The draft's 42(7)–(8) (V), the same in the zero draft and OHCHR's version. */
const DRAFT_PRESERVATION: PreservationTerms = {
  kind: 'maximum',
  days: 90,
  extensionDays: 90,
  cites: ['42(7)'],
  extensionCite: '42(8)',
  pendingCite: '42(7)',
  note: 'Preservation for not more than ninety days; one extension of not more than ninety additional days, requested before expiry.',
}

const PRESERVATION: Record<ProfileId, PreservationTerms> = {
  'zero-draft-2023': DRAFT_PRESERVATION,
  'ohchr-2023': DRAFT_PRESERVATION,
  'adopted-2024': {
    kind: 'minimum',
    days: 60,
    extensionDays: 0,
    cites: ['42'],
    extensionCite: '42',
    pendingCite: '42',
    reading: 'unverified',
    note: 'Preservation for not less than sixty days; extensions do not change the minimum.',
  },
}

export function preservationPeriod(profile: ProfileId, q: PreservationPeriodQuestion): DateAnswer {
  const terms = PRESERVATION[profile]
  let until = addDays(q.preservedOn, terms.days)
  const trail: Step[] = [
    step(
      profile,
      'dates.preservation',
      `preservation.${terms.kind}`,
      'profiles.md §8',
      `${terms.kind} until ${until}`,
      terms.cites,
      terms.note,
      [{ name: 'preservedOn', value: q.preservedOn }],
      terms.reading,
    ),
  ]
  if (terms.extensionDays > 0) {
    // §12.10: the earliest extension dated on or after preservedOn and on or before the current end counts; only one.
    const counted = [...q.extensions].sort().find((d) => d >= q.preservedOn && d <= until)
    if (counted) {
      until = addDays(until, terms.extensionDays)
      trail.push(
        step(
          profile,
          'dates.preservation-extension',
          'preservation.extension',
          'profiles.md §8, §12.10',
          `extended until ${until}`,
          [terms.extensionCite],
          'One extension requested before expiry adds ninety days; later ones are ignored.',
          [{ name: 'extensions', value: q.extensions }],
        ),
      )
    }
  }
  const obligations: ObligationCode[] = []
  if (q.mlaRequestReceived !== null && q.mlaRequestReceived <= until) {
    obligations.push('preserve-pending-decision')
    trail.push(
      step(
        profile,
        'obligation.preserve-pending-decision',
        'preservation.pending-decision',
        'profiles.md §8',
        'obligation preserve-pending-decision',
        [terms.pendingCite],
        'Once the MLA request is received, the data continue to be preserved pending a decision on it.',
        [{ name: 'mlaRequestReceived', value: q.mlaRequestReceived }],
        terms.reading,
      ),
    )
  }
  return {
    dates: {
      maximumUntil: terms.kind === 'maximum' ? until : null,
      minimumUntil: terms.kind === 'minimum' ? until : null,
    },
    obligations,
    trail,
  }
}
