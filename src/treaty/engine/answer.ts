/**
 * @module treaty/engine/answer
 *
 * The engine's entry point: one question, one profile, one date, one
 * registry → one Assessment with its explanation trail.
 */
import type { IsoDate } from '../../lib/iso-date.js'
import type { Registry } from '../../registry/registry.js'
import { stateStatus } from '../party-status.js'
import type { ProfileId } from '../profile.js'
import {
  type AssessRequestQuestion,
  findingsSchema,
  type OnwardTransferQuestion,
  type Question,
  requestSchema,
} from '../question-schema.js'
import { RULE_BOOK, type RuleBook } from '../rules/rule-book.js'
import { type Assessment, outcomeOf } from './assessment.js'
import { type Context, requestContext } from './context.js'
import { entryIntoForce, preservationPeriod } from './dates.js'
import { evaluate } from './evaluate.js'

export interface AnswerOptions {
  readonly profile: ProfileId
  readonly asOf: IsoDate
  readonly registry: Registry
  /** A different rule book (tests of conflict and gap detection). */
  readonly ruleBook?: RuleBook
}

export function answer(question: Question, options: AnswerOptions): Assessment {
  const { profile, asOf, registry } = options
  const base = {
    profile,
    asOf,
    kind: question.kind,
    grounds: [],
    excludedGrounds: [],
    missingFields: [],
    obligations: [],
    dates: {},
  }
  switch (question.kind) {
    case 'assess-request':
      return assessRequest(question, options)
    case 'onward-transfer':
      return onwardTransfer(question, options)
    case 'entry-into-force': {
      const a = entryIntoForce(profile, registry, asOf, question)
      return { ...base, dates: a.dates, obligations: a.obligations, trail: a.trail }
    }
    case 'preservation-period': {
      const a = preservationPeriod(profile, question)
      return { ...base, dates: a.dates, obligations: a.obligations, trail: a.trail }
    }
  }
}

function assessRequest(q: AssessRequestQuestion, o: AnswerOptions): Assessment {
  const ctx = requestContext({
    profile: o.profile,
    registry: o.registry,
    asOf: o.asOf,
    request: q.request,
    findings: q.findings,
  })
  return fromContext(ctx, o, ctx.missingFields)
}

function fromContext(ctx: Context, o: AnswerOptions, missingFields: readonly string[]): Assessment {
  const ev = evaluate(ctx, o.ruleBook ?? RULE_BOOK)
  return {
    kind: ctx.subject === 'onward-transfer' ? 'onward-transfer' : 'assess-request',
    profile: o.profile,
    asOf: o.asOf,
    outcome: ev.inapplicable ? 'inapplicable' : outcomeOf(ev.grounds),
    grounds: ev.grounds,
    excludedGrounds: ev.inapplicable ? [] : ev.excluded,
    missingFields: ev.inapplicable ? [] : missingFields,
    obligations: ev.inapplicable ? [] : ev.obligations,
    dates: {},
    trail: ev.trail,
  }
}

/**
 * Onward transfer: the data travelled under the Convention from `from` to
 * `holder`, so the scope checks look at those two (§12.1); `to` may be any
 * State. The context carries an empty request between them.
 */
function onwardTransfer(q: OnwardTransferQuestion, o: AnswerOptions): Assessment {
  const from = o.registry.state(q.from, 'question.from')
  const holder = o.registry.state(q.holder, 'question.holder')
  o.registry.state(q.to, 'question.to')
  const written = q.writtenAuthorization
  const ctx: Context = {
    ...requestContext({
      profile: o.profile,
      registry: o.registry,
      asOf: o.asOf,
      request: requestSchema.parse({ type: 'mla', from: from.code, to: holder.code, conduct: [] }),
      findings: findingsSchema.parse({}),
    }),
    subject: 'onward-transfer',
    onward: { to: q.to, written, authorized: written || (q.authorized ?? written) },
    fromStatus: stateStatus(o.registry, from, o.asOf),
    toStatus: stateStatus(o.registry, holder, o.asOf),
  }
  return fromContext(ctx, o, [])
}
