/**
 * @module treaty/use/decide-use
 *
 * May information be used, disclosed or passed on? A decision table in the
 * manner of the engine's rule book: every rule names the paragraphs it
 * rests on, the rules are written to exclude one another, and the answer
 * is computed by finding the one rule that applies — none is ERR_NO_RULE,
 * two are ERR_RULE_CONFLICT, never a guess. Onward transfer is asked of
 * the engine itself (question kind `onward-transfer`), so its answer
 * follows the text profile and the original State's register entry.
 */
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { Registry } from '../../registry/registry.js'
import { answer } from '../engine/answer.js'
import type { ProfileId, TrustMark } from '../profile.js'
import { citationTrust } from '../provisions/catalog.js'
import type { ProposedUse, UseRestriction } from './restrictions.js'

export interface ConsentFact {
  readonly kind: ProposedUse['kind']
  readonly recipient: string | null
  readonly granted: boolean
}

export interface UseFacts {
  /** `received`: information this State received in answer to its request; `held`: a request this State received. */
  readonly side: 'received' | 'held'
  /** The other State: the one that furnished the information, or the requesting State. */
  readonly other: string
  readonly self: string
  readonly restrictions: readonly UseRestriction[]
  /** The consent named by the use, if it exists and concerns this request. */
  readonly consent: ConsentFact | null
  readonly use: ProposedUse
}

export interface UseDecision {
  readonly outcome: 'allowed' | 'allowed-with-notice' | 'refused'
  readonly rule: string
  readonly reason: string
  readonly cites: readonly { cite: string; trust: TrustMark }[]
  /** The other State must be notified before the disclosure (40(19)). */
  readonly notify: boolean
}

interface UseRule {
  readonly id: string
  readonly cites: readonly string[]
  readonly applies: (f: UseFacts, x: Derived) => boolean
  readonly outcome: UseDecision['outcome']
  readonly reason: string
}

interface Derived {
  readonly condition: (c: string) => boolean
  readonly expired: boolean
  readonly consented: boolean
  readonly confidential: boolean
  /** Information received, not past a delete-by date: the rules on received information apply. */
  readonly live: boolean
  /** An exculpatory disclosure no accepted condition bars (40(19), second sentence). */
  readonly exculpatory: boolean
  /** A disclosure an accepted no-disclosure condition bars, without consent (40(27)). */
  readonly disclosureBarred: boolean
}

function derive(f: UseFacts, asOf: string): Derived {
  const conditions = f.restrictions.filter((r) => r.kind === 'condition')
  const consented =
    f.consent?.granted === true &&
    f.consent.kind === f.use.kind &&
    (f.use.kind !== 'transfer' || f.consent.recipient === f.use.recipient)
  const condition = (c: string) => conditions.some((r) => r.condition === c)
  const expired = conditions.some(
    (r) => r.condition === 'delete-by' && r.until !== null && r.until < asOf,
  )
  return {
    condition,
    expired,
    consented,
    confidential: f.restrictions.some((r) => r.kind === 'confidentiality'),
    live: f.side === 'received' && !expired,
    exculpatory:
      f.use.kind === 'disclose' &&
      f.use.exculpatory &&
      !condition('purpose-only') &&
      !condition('no-disclosure'),
    disclosureBarred: f.use.kind === 'disclose' && condition('no-disclosure') && !consented,
  }
}

const received = (f: UseFacts) => f.side === 'received'
const held = (f: UseFacts) => f.side === 'held'

/** Rules on information received (specialty, conditions, onward transfer), then on requests held (confidentiality). */
export const USE_RULES: readonly UseRule[] = [
  {
    id: 'use.condition.deleted',
    cites: ['40(27)'],
    applies: (f, x) => received(f) && x.expired,
    outcome: 'refused',
    reason: 'a condition accepted after consultation required deletion by a date now past',
  },
  {
    id: 'use.transfer.condition',
    cites: ['40(27)', '36(3)'],
    applies: (f, x) =>
      x.live && f.use.kind === 'transfer' && x.condition('no-onward-transfer') && !x.consented,
    outcome: 'refused',
    reason: 'a condition accepted after consultation bars any onward transfer',
  },
  {
    id: 'use.transfer.engine',
    cites: ['36(3)'],
    applies: (f, x) =>
      x.live && f.use.kind === 'transfer' && (!x.condition('no-onward-transfer') || x.consented),
    // Decided by the engine's onward-transfer rules (see decideUse); the outcome here is a placeholder.
    outcome: 'refused',
    reason: 'onward transfer to a third country',
  },
  {
    id: 'use.specialty.consented',
    cites: ['40(19)'],
    applies: (f, x) =>
      x.live && f.use.kind !== 'transfer' && f.use.purpose === 'other' && x.consented,
    outcome: 'allowed',
    reason: 'the furnishing State consented to this other use',
  },
  {
    id: 'use.specialty.exculpatory',
    cites: ['40(19)'],
    applies: (f, x) => x.live && f.use.purpose === 'other' && !x.consented && x.exculpatory,
    outcome: 'allowed-with-notice',
    reason:
      'exculpatory information may be disclosed; the furnishing State is notified before the disclosure and consulted if it asks',
  },
  {
    id: 'use.specialty.refused',
    cites: ['40(19)'],
    applies: (f, x) =>
      x.live &&
      f.use.kind !== 'transfer' &&
      f.use.purpose === 'other' &&
      !x.consented &&
      !x.exculpatory,
    outcome: 'refused',
    reason:
      'not for proceedings other than those stated in the request without the prior consent of the furnishing State',
  },
  {
    id: 'use.disclosure.condition',
    cites: ['40(27)'],
    applies: (f, x) => x.live && f.use.purpose !== 'other' && x.disclosureBarred,
    outcome: 'refused',
    reason: 'a condition accepted after consultation bars disclosure outside the proceedings',
  },
  {
    id: 'use.specialty.stated',
    cites: ['40(19)'],
    applies: (f, x) =>
      x.live && f.use.kind !== 'transfer' && f.use.purpose !== 'other' && !x.disclosureBarred,
    outcome: 'allowed',
    reason: 'use in the proceedings stated in the request',
  },
  {
    id: 'use.confidentiality.refused',
    cites: ['40(20)'],
    applies: (f, x) =>
      held(f) &&
      x.confidential &&
      f.use.kind !== 'use' &&
      f.use.purpose !== 'execution' &&
      !x.consented,
    outcome: 'refused',
    reason:
      'the requesting State required that the fact and substance of the request be kept confidential, except as needed to execute it',
  },
  {
    id: 'use.confidentiality.allowed',
    cites: ['40(20)'],
    applies: (f, x) =>
      held(f) &&
      (!x.confidential || f.use.kind === 'use' || f.use.purpose === 'execution' || x.consented),
    outcome: 'allowed',
    reason: 'no confidentiality requirement stands in the way of this use',
  },
]

export function decideUse(
  facts: UseFacts,
  o: { profile: ProfileId; asOf: string; registry: Registry },
): UseDecision {
  if (facts.use.kind === 'transfer' && !facts.use.recipient)
    throw new RogatoryError('ERR_INPUT_INVALID', 'a transfer names its recipient State', {
      path: 'recipient',
    })
  const x = derive(facts, o.asOf)
  const hits = USE_RULES.filter((r) => r.applies(facts, x))
  if (hits.length === 0)
    throw new RogatoryError('ERR_NO_RULE', `no use rule applies to ${JSON.stringify(facts.use)}`)
  if (hits.length > 1)
    throw new RogatoryError(
      'ERR_RULE_CONFLICT',
      `use rules ${hits.map((h) => h.id).join(' and ')} both apply`,
    )
  const rule = hits[0]!
  const cite = (cs: readonly string[]) =>
    cs.map((c) => ({ cite: c, trust: citationTrust(o.profile, c) }))
  if (rule.id === 'use.transfer.engine') {
    const a = answer(
      {
        kind: 'onward-transfer',
        from: facts.other,
        holder: facts.self,
        to: facts.use.recipient!,
        writtenAuthorization: x.consented,
        authorized: x.consented,
      },
      o,
    )
    const step = a.trail.find((s) => s.question === 'onward.authorisation')
    const refused = a.grounds.some((g) => g.code === 'onward-transfer-unauthorised')
    return {
      outcome: refused ? 'refused' : 'allowed',
      rule: step?.rule ?? rule.id,
      reason: refused
        ? `onward transfer to ${facts.use.recipient} needs the prior written authorisation of ${facts.other}`
        : `${facts.other} authorised the transfer to ${facts.use.recipient} in writing`,
      cites: cite(step?.cites ?? rule.cites),
      notify: false,
    }
  }
  return {
    outcome: rule.outcome,
    rule: rule.id,
    reason: rule.reason,
    cites: cite(rule.cites),
    notify: rule.outcome === 'allowed-with-notice',
  }
}
