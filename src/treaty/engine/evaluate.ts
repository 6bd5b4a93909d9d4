/**
 * @module treaty/engine/evaluate
 *
 * Runs the rule book over a context, phase by phase (scope, grounds,
 * obligations, excluded reasons), and records every decision in the
 * explanation trail. Each question that fires must be decided by exactly
 * one rule: none is ERR_NO_RULE, two are ERR_RULE_CONFLICT. The engine
 * never picks one for the user.
 */
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { ExcludableCode, GroundCode, ObligationCode } from '../codes.js'
import type { TrustMark } from '../profile.js'
import { citationTrust } from '../provisions/catalog.js'
import { citeIn, type Phase } from '../rules/rule.js'
import type { CompiledQuestion, CompiledRule, RuleBook } from '../rules/rule-book.js'
import { type GroundResult, type Step, weakest } from './assessment.js'
import type { Context } from './context.js'

export interface Evaluation {
  readonly inapplicable: boolean
  readonly grounds: readonly GroundResult[]
  readonly obligations: readonly ObligationCode[]
  readonly excluded: readonly ExcludableCode[]
  readonly trail: readonly Step[]
}

const PHASES_AFTER_SCOPE: readonly Phase[] = ['ground', 'obligation', 'excluded']

export function evaluate(ctx: Context, book: RuleBook): Evaluation {
  const table = book.table(ctx.profile, ctx.subject)
  const trail: Step[] = []
  const excluded: ExcludableCode[] = []
  for (const cq of table.scope) decide(ctx, cq, trail, excluded)
  const inapplicable = ctx.grounds.size > 0
  if (!inapplicable) {
    for (const phase of PHASES_AFTER_SCOPE)
      for (const cq of table[phase]) decide(ctx, cq, trail, excluded)
  }
  const grounds: GroundResult[] = []
  for (const [code, g] of ctx.grounds) {
    grounds.push({
      code,
      mandatory: g.mandatory,
      cites: g.cites,
      trust: groundTrust(code, trail),
    })
  }
  return { inapplicable, grounds, obligations: [...ctx.obligations], excluded, trail }
}

function groundTrust(code: GroundCode, trail: readonly Step[]) {
  const marks: TrustMark[] = []
  for (const s of trail) if (s.decision.startsWith(`ground ${code} `)) marks.push(s.trust)
  return weakest(marks.length > 0 ? marks : ['unverified'])
}

function decide(
  ctx: Context,
  cq: CompiledQuestion,
  trail: Step[],
  excluded: ExcludableCode[],
): void {
  const facts = cq.question.trigger(ctx)
  if (facts === null) return
  let chosen: CompiledRule | undefined
  for (const cr of cq.rules) {
    if (cr.rule.applies && !cr.rule.applies(ctx)) continue
    if (chosen) {
      throw new RogatoryError(
        'ERR_RULE_CONFLICT',
        `rules ${chosen.rule.id} and ${cr.rule.id} both decide ${cq.question.id} for ${ctx.subject} under ${ctx.profile}`,
        { path: cq.question.id },
      )
    }
    chosen = cr
  }
  if (!chosen) {
    throw new RogatoryError(
      'ERR_NO_RULE',
      `no rule of ${ctx.profile} decides ${cq.question.id} (${cq.question.section}) for ${ctx.subject}`,
      { path: cq.question.id },
    )
  }
  const rule = chosen.rule
  const cites =
    chosen.cites ??
    (rule.cites as (c: Context) => readonly string[])(ctx).map((c) => citeIn(ctx.profile, c))
  const marks = cites.map((c) => citationTrust(ctx.profile, c))
  if (rule.reading) marks.push(rule.reading)
  const trust = weakest(marks)
  const effect = rule.effect
  let decision: string
  switch (effect.kind) {
    case 'ground': {
      addGround(ctx, effect.ground, effect.mandatory, cites)
      decision = `ground ${effect.ground} (${effect.mandatory ? 'mandatory' : 'discretionary'})`
      break
    }
    case 'obligation':
      ctx.obligations.add(effect.obligation)
      decision = `obligation ${effect.obligation}`
      break
    case 'excluded':
      if (!excluded.includes(effect.reason)) excluded.push(effect.reason)
      decision = `excluded ${effect.reason}`
      break
    case 'none':
      decision = 'no ground'
      break
  }
  trail.push({
    phase: cq.question.phase,
    question: cq.question.id,
    rule: rule.id,
    section: rule.section,
    decision,
    cites,
    trust,
    note: rule.note,
    facts,
  })
}

/** Two questions may report the same ground (e.g. both essential-interests findings): the stronger force wins, citations unite. */
function addGround(
  ctx: Context,
  code: GroundCode,
  mandatory: boolean,
  cites: readonly string[],
): void {
  const prev = ctx.grounds.get(code)
  if (!prev) {
    ctx.grounds.set(code, { mandatory, cites: [...cites] })
    return
  }
  prev.mandatory ||= mandatory
  for (const c of cites) if (!prev.cites.includes(c)) prev.cites.push(c)
}
