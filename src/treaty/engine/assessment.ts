/**
 * @module treaty/engine/assessment
 *
 * What the engine answers: the fields FORMAT.md compares, plus the
 * explanation trail (each step with its rule, the rule-book section, the
 * provisions relied on with their trust marks, and the facts used).
 */
import type { IsoDate } from '../../lib/iso-date.js'
import type { ExcludableCode, GroundCode, ObligationCode, Outcome } from '../codes.js'
import type { ProfileId, TrustMark } from '../profile.js'
import type { QuestionKind } from '../question-schema.js'
import type { Fact, Phase } from '../rules/rule.js'

export interface GroundResult {
  readonly code: GroundCode
  readonly mandatory: boolean
  readonly cites: readonly string[]
  /** Weakest trust mark among the provisions cited and the reading applied. */
  readonly trust: TrustMark
}

export interface Step {
  readonly phase: Phase | 'dates'
  readonly question: string
  readonly rule: string
  readonly section: string
  /** What the step decided, in words: `ground no-dual-criminality (discretionary)`, `no ground`, … */
  readonly decision: string
  readonly cites: readonly string[]
  readonly trust: TrustMark
  readonly note: string
  readonly facts: readonly Fact[]
}

export interface Assessment {
  readonly kind: QuestionKind
  readonly profile: ProfileId
  readonly asOf: IsoDate
  /** Omitted for the date questions (FORMAT.md). */
  readonly outcome?: Outcome
  readonly grounds: readonly GroundResult[]
  readonly excludedGrounds: readonly ExcludableCode[]
  readonly missingFields: readonly string[]
  readonly obligations: readonly ObligationCode[]
  readonly dates: Readonly<Record<string, IsoDate | null>>
  readonly trail: readonly Step[]
}

const TRUST_ORDER: Record<TrustMark, number> = { verified: 2, partial: 1, unverified: 0 }

export function weakest(marks: Iterable<TrustMark>): TrustMark {
  let out: TrustMark = 'verified'
  for (const m of marks) if (TRUST_ORDER[m] < TRUST_ORDER[out]) out = m
  return out
}

const OUTCOME_RANK: Record<Outcome, number> = {
  'no-listed-ground': 0,
  'may-refuse': 1,
  'must-refuse': 2,
  inapplicable: 3,
}

/** Strength of an outcome, for comparisons and the monotonicity property. */
export const outcomeRank = (o: Outcome): number => OUTCOME_RANK[o]

/** FORMAT.md: any mandatory ground → must-refuse; any ground → may-refuse; none → no-listed-ground. */
export function outcomeOf(grounds: readonly { mandatory: boolean }[]): Outcome {
  if (grounds.some((g) => g.mandatory)) return 'must-refuse'
  return grounds.length > 0 ? 'may-refuse' : 'no-listed-ground'
}
