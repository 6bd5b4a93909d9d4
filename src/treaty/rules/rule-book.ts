/**
 * @module treaty/rules/rule-book
 *
 * Every question and rule of profiles.md, compiled once into a dispatch
 * table per (profile, subject) so that an assessment only visits the
 * questions that can arise for it. `checkRuleBook` finds questions some
 * profile leaves undecided for some subject: the static twin of
 * ERR_NO_RULE, run by the tests.
 */
import type { Subject } from '../engine/context.js'
import { PROFILES, type ProfileId } from '../profile.js'
import { dualCriminalityQuestions, dualCriminalityRules } from './dual-criminality.js'
import { extraditionQuestions, extraditionRules } from './extradition.js'
import { obligationQuestions, obligationRules } from './obligations.js'
import { onwardTransferQuestions, onwardTransferRules } from './onward-transfer.js'
import { refusalGroundQuestions, refusalGroundRules } from './refusal-grounds.js'
import { requestFormQuestions, requestFormRules } from './request-form.js'
import { citeIn, type Phase, type Question, type Rule } from './rule.js'
import { scopeQuestions, scopeRules } from './scope.js'
import { specialMeasureQuestions, specialMeasureRules } from './special-measures.js'
import { TWO_STATE } from './subjects.js'

export const QUESTIONS: readonly Question[] = [
  ...scopeQuestions,
  ...dualCriminalityQuestions,
  ...requestFormQuestions,
  ...refusalGroundQuestions,
  ...specialMeasureQuestions,
  ...extraditionQuestions,
  ...onwardTransferQuestions,
  ...obligationQuestions,
]

export const RULES: readonly Rule[] = [
  ...scopeRules,
  ...dualCriminalityRules,
  ...requestFormRules,
  ...refusalGroundRules,
  ...specialMeasureRules,
  ...extraditionRules,
  ...onwardTransferRules,
  ...obligationRules,
]

/** A rule prepared for one profile: static citations already in the profile's numbering. */
export interface CompiledRule {
  readonly rule: Rule
  readonly cites: readonly string[] | null
}

export interface CompiledQuestion {
  readonly question: Question
  readonly rules: readonly CompiledRule[]
}

export type PhaseTable = Readonly<Record<Phase, readonly CompiledQuestion[]>>

export interface RuleBook {
  readonly questions: readonly Question[]
  readonly rules: readonly Rule[]
  table(profile: ProfileId, subject: Subject): PhaseTable
}

export function compileRuleBook(questions: readonly Question[], rules: readonly Rule[]): RuleBook {
  const ids = new Set<string>()
  for (const r of rules) {
    if (ids.has(r.id)) throw new Error(`rule book: duplicate rule id ${r.id}`)
    ids.add(r.id)
    if (!questions.some((q) => q.id === r.question)) {
      throw new Error(`rule book: rule ${r.id} decides unknown question ${r.question}`)
    }
  }
  const tables = new Map<string, PhaseTable>()
  for (const profile of PROFILES) {
    for (const subject of TWO_STATE) {
      const table: Record<Phase, CompiledQuestion[]> = {
        scope: [],
        ground: [],
        obligation: [],
        excluded: [],
      }
      for (const q of questions) {
        if (!q.subjects.has(subject)) continue
        const candidates = rules
          .filter(
            (r) =>
              r.question === q.id &&
              r.profiles.includes(profile) &&
              (r.subjects === undefined || r.subjects.has(subject)),
          )
          .map((rule) => ({
            rule,
            cites:
              typeof rule.cites === 'function' ? null : rule.cites.map((c) => citeIn(profile, c)),
          }))
        table[q.phase].push({ question: q, rules: candidates })
      }
      tables.set(`${profile}|${subject}`, table)
    }
  }
  return {
    questions,
    rules,
    table(profile, subject) {
      return tables.get(`${profile}|${subject}`)!
    },
  }
}

export interface Gap {
  readonly question: string
  readonly profile: ProfileId
  readonly subject: Subject
}

/** Questions that can arise for a subject under a profile with no candidate rule at all. */
export function checkRuleBook(book: RuleBook): Gap[] {
  const gaps: Gap[] = []
  for (const profile of PROFILES) {
    for (const subject of TWO_STATE) {
      const table = book.table(profile, subject)
      for (const phase of Object.values(table)) {
        for (const cq of phase) {
          if (cq.rules.length === 0) gaps.push({ question: cq.question.id, profile, subject })
        }
      }
    }
  }
  return gaps
}

export const RULE_BOOK: RuleBook = compileRuleBook(QUESTIONS, RULES)
