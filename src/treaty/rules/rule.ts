/**
 * @module treaty/rules/rule
 *
 * The shape of a rule. Rules are grouped under a *question* (a decision
 * point, Catala's "scope variable"): a question fires on facts (its
 * trigger), and then exactly one rule of the profile must decide it. No
 * rule → ERR_NO_RULE; two rules with different effects → ERR_RULE_CONFLICT.
 * A rule that decides "no ground" is a rule too: the zero draft's silence
 * on political offences in MLA is a decision, cited like any other.
 */
import type { ExcludableCode, GroundCode, ObligationCode } from '../codes.js'
import type { Context, Subject } from '../engine/context.js'
import type { ProfileId, TrustMark } from '../profile.js'

/** A registry, request or finding fact a step relied on. */
export interface Fact {
  readonly name: string
  readonly value: unknown
}

export type Phase = 'scope' | 'ground' | 'obligation' | 'excluded'

export interface Question {
  readonly id: string
  readonly phase: Phase
  /** The rule book section that poses the question, e.g. `profiles.md §5`. */
  readonly section: string
  /** The subjects (request types) for which the question is asked. */
  readonly subjects: ReadonlySet<Subject>
  /** Facts when the question arises, null when it does not. */
  trigger(ctx: Context): readonly Fact[] | null
}

export type Effect =
  | { readonly kind: 'ground'; readonly ground: GroundCode; readonly mandatory: boolean }
  | { readonly kind: 'obligation'; readonly obligation: ObligationCode }
  | { readonly kind: 'excluded'; readonly reason: ExcludableCode }
  | { readonly kind: 'none' }

export interface Rule {
  /** Stable id, e.g. `ground.political-offence.mla.ohchr`. */
  readonly id: string
  readonly question: string
  /** Section of profiles.md the rule implements. */
  readonly section: string
  readonly profiles: readonly ProfileId[]
  /** Limits the rule to some of the question's subjects; all of them when absent. */
  readonly subjects?: ReadonlySet<Subject>
  /** Further condition; the rule applies whenever the question fires when absent. */
  applies?(ctx: Context): boolean
  readonly effect: Effect
  /**
   * Provisions relied on, in the profile's own numbering. A function when
   * the citation depends on the facts (e.g. which trigger fired).
   */
  readonly cites: readonly string[] | ((ctx: Context) => readonly string[])
  /** Trust of the reading itself when weaker than the text's (profiles.md §12.14). */
  readonly reading?: TrustMark
  /** One sentence a practitioner reads in the explanation trail. */
  readonly note: string
}

export const ground = (code: GroundCode, mandatory: boolean): Effect => ({
  kind: 'ground',
  ground: code,
  mandatory,
})
export const NO_GROUND: Effect = { kind: 'none' }
export const obligation = (code: ObligationCode): Effect => ({
  kind: 'obligation',
  obligation: code,
})

export const ALL_PROFILES: readonly ProfileId[] = ['zero-draft-2023', 'ohchr-2023', 'adopted-2024']
export const DRAFTS: readonly ProfileId[] = ['zero-draft-2023', 'ohchr-2023']
export const ZERO: readonly ProfileId[] = ['zero-draft-2023']
export const OHCHR: readonly ProfileId[] = ['ohchr-2023']
export const ADOPTED: readonly ProfileId[] = ['adopted-2024']
export const NOT_OHCHR: readonly ProfileId[] = ['zero-draft-2023', 'adopted-2024']

/**
 * Citation in the profile's numbering (profiles.md §5): the adopted text's
 * paragraph numbers inside Arts 35–46 are unverified, so it cites the
 * article alone there; outside that range (e.g. `6(2)`) the paragraph stands.
 */
export function citeIn(profile: ProfileId, citation: string): string {
  if (profile !== 'adopted-2024') return citation
  const article = Number.parseInt(citation, 10)
  return article >= 35 && article <= 46 ? String(article) : citation
}
