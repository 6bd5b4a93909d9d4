/**
 * @module treaty/rules/obligations
 *
 * profiles.md §9: what the requested State must do whatever it decides,
 * and the offered refusal reasons the Convention forbids (40(22)–(23),
 * 37(16)). Questions here read the grounds decided in the ground phase,
 * so their order matters: postponement comes before consultation.
 */
import type { GroundCode } from '../codes.js'
import type { Context } from '../engine/context.js'
import type { Effect, Fact, Question, Rule } from './rule.js'
import { ALL_PROFILES, obligation } from './rule.js'
import { ANY_REQUEST, EXTRADITION, FAMILY, ON_40_21, only } from './subjects.js'

/** §9: the 40(21) grounds that require consultation before refusal (40(27)). */
const CONSULT_40_21: ReadonlySet<GroundCode> = new Set([
  'nonconforming-request',
  'language-not-accepted',
  'essential-interests',
  'domestic-law-bars',
  'contrary-to-legal-system',
])
/** §9: OHCHR adds its 40(21)(b) insertions. */
const CONSULT_40_21_OHCHR: ReadonlySet<GroundCode> = new Set([
  ...CONSULT_40_21,
  'political-offence',
  'human-rights-risk',
  'protected-expression',
  'discrimination',
])

const groundFacts = (codes: readonly GroundCode[]): readonly Fact[] => [
  { name: 'grounds reported', value: codes },
]

const obligationQuestion = (
  id: string,
  subjects: Question['subjects'],
  trigger: Question['trigger'],
): Question => ({ id, phase: 'obligation', section: 'profiles.md §9', subjects, trigger })

const IN_WRITING_SUBJECTS = ON_40_21

export const obligationQuestions: readonly Question[] = [
  obligationQuestion('obligation.give-reasons', ANY_REQUEST, (ctx) =>
    ctx.grounds.size > 0 ? groundFacts([...ctx.grounds.keys()]) : null,
  ),
  obligationQuestion('obligation.postpone-possible', FAMILY, (ctx) =>
    ctx.findings.interferesWithOngoingCase
      ? [{ name: 'findings.interferesWithOngoingCase', value: true }]
      : null,
  ),
  obligationQuestion(
    'obligation.consult-before-refusal',
    only(...ON_40_21, 'extradition'),
    (ctx) => {
      if (ctx.subject === 'extradition') {
        return ctx.grounds.size > 0 ? groundFacts([...ctx.grounds.keys()]) : null
      }
      const set = ctx.profile === 'ohchr-2023' ? CONSULT_40_21_OHCHR : CONSULT_40_21
      const hits = [...ctx.grounds.keys()].filter((g) => set.has(g))
      if (hits.length > 0) return groundFacts(hits)
      return ctx.obligations.has('postpone-possible')
        ? [{ name: 'postponement possible', value: true }]
        : null
    },
  ),
  obligationQuestion('obligation.request-additional-information', ANY_REQUEST, (ctx) =>
    ctx.missingFields.length > 0
      ? [{ name: 'missing required fields', value: ctx.missingFields }]
      : null,
  ),
  obligationQuestion('obligation.confirm-in-writing', IN_WRITING_SUBJECTS, (ctx) =>
    ctx.request.oral && ctx.request.urgent
      ? [{ name: 'request.oral and request.urgent', value: true }]
      : null,
  ),
  obligationQuestion('obligation.inform-decision', EXTRADITION, () => [
    { name: 'extradition request within scope', value: true },
  ]),
  obligationQuestion('obligation.submit-for-prosecution', EXTRADITION, (ctx) =>
    ctx.grounds.has('nationality') ? groundFacts(['nationality']) : null,
  ),
  obligationQuestion(
    'obligation.notify-before-exculpatory-disclosure',
    only('spontaneous-information'),
    () => [{ name: 'spontaneous information within scope', value: true }],
  ),
  {
    id: 'excluded.bank-secrecy',
    phase: 'excluded',
    section: 'profiles.md §9',
    subjects: only(...[...ANY_REQUEST].filter((s) => s !== 'extradition')),
    trigger: offered('bank-secrecy'),
  },
  {
    id: 'excluded.fiscal-matter',
    phase: 'excluded',
    section: 'profiles.md §9',
    subjects: ANY_REQUEST,
    trigger: offered('fiscal-matter'),
  },
]

function offered(reason: string): Question['trigger'] {
  return (ctx) =>
    ctx.findings.refusalReasonsOffered.includes(reason)
      ? [{ name: 'findings.refusalReasonsOffered', value: ctx.findings.refusalReasonsOffered }]
      : null
}

const rule = (
  id: string,
  effect: Effect,
  cites: Rule['cites'],
  note: string,
  subjects?: Rule['subjects'],
): Rule => ({
  id,
  question: id,
  section: 'profiles.md §9',
  profiles: ALL_PROFILES,
  effect,
  cites,
  note,
  ...(subjects ? { subjects } : {}),
})

const byExtradition = (extradition: string, other: string) => (ctx: Context) => [
  ctx.subject === 'extradition' ? extradition : other,
]

export const obligationRules: readonly Rule[] = [
  rule(
    'obligation.give-reasons',
    obligation('give-reasons'),
    byExtradition('37(18)', '40(24)'),
    'Reasons shall be given for any refusal.',
  ),
  rule(
    'obligation.postpone-possible',
    obligation('postpone-possible'),
    ['40(26)'],
    'Assistance may be postponed where it interferes with an ongoing investigation, prosecution or proceeding.',
  ),
  rule(
    'obligation.consult-before-refusal',
    obligation('consult-before-refusal'),
    byExtradition('37(17)', '40(27)'),
    'Before refusing (or postponing), consult the requesting State on whether assistance may be granted subject to conditions.',
  ),
  rule(
    'obligation.request-additional-information',
    obligation('request-additional-information'),
    ['40(16)'],
    'The requested State may request additional information.',
  ),
  rule(
    'obligation.confirm-in-writing',
    obligation('confirm-in-writing'),
    ['40(13)'],
    'Urgent oral requests "shall be confirmed in writing forthwith".',
  ),
  rule(
    'obligation.inform-decision',
    obligation('inform-decision'),
    ['37(18)'],
    'The requested State shall inform the requesting State of its decision, with any reason for refusal.',
  ),
  rule(
    'obligation.submit-for-prosecution',
    obligation('submit-for-prosecution'),
    ['37(11)'],
    'A State that does not extradite its national must submit the case for prosecution without undue delay.',
  ),
  rule(
    'obligation.notify-before-exculpatory-disclosure',
    obligation('notify-before-exculpatory-disclosure'),
    ['40(5)'],
    'Exculpatory information may be disclosed, after notice to the transmitting State.',
  ),
  rule(
    'excluded.bank-secrecy',
    { kind: 'excluded', reason: 'bank-secrecy' },
    ['40(23)'],
    'States Parties shall not decline MLA on the ground of bank secrecy.',
  ),
  rule(
    'excluded.fiscal-matter',
    { kind: 'excluded', reason: 'fiscal-matter' },
    byExtradition('37(16)', '40(22)'),
    'A request may not be refused on the sole ground that the offence involves fiscal matters.',
  ),
]
