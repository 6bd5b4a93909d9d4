/**
 * @module treaty/rules/extradition
 *
 * profiles.md §5 (extradition table): the penalty threshold, the remaining
 * sentence and the nationality of the person (Art 37(1), 37(11)).
 */
import { coversAll, EXTRADITION_MONTHS, SENTENCE_REMAINING_MONTHS } from '../engine/context.js'
import { ALL_PROFILES, ground, type Question, type Rule } from './rule.js'
import { EXTRADITION } from './subjects.js'

export const extraditionQuestions: readonly Question[] = [
  {
    id: 'ground.extradition-threshold',
    phase: 'ground',
    section: 'profiles.md §5 (extradition), §12.3',
    subjects: EXTRADITION,
    trigger: (ctx) => {
      const max = ctx.offence?.maxPenaltyMonths ?? null
      const requestingOk = max !== null && max >= EXTRADITION_MONTHS
      const requestedOk = coversAll(ctx.to, ctx.request.conduct, EXTRADITION_MONTHS)
      if (requestingOk && requestedOk) return null
      return [
        {
          name: `registry: ${ctx.from.code} ${ctx.offence?.code ?? '(no offence named)'} maximum (months)`,
          value: max,
        },
        {
          name: `registry: ${ctx.to.code} punishes every conduct by at least 12 months`,
          value: requestedOk,
        },
      ]
    },
  },
  {
    id: 'ground.sentence-remaining',
    phase: 'ground',
    section: 'profiles.md §5 (extradition)',
    subjects: EXTRADITION,
    trigger: (ctx) => {
      const left = ctx.request.person.sentenceRemainingMonths
      return left !== null && left < SENTENCE_REMAINING_MONTHS
        ? [{ name: 'request.person.sentenceRemainingMonths', value: left }]
        : null
    },
  },
  {
    id: 'ground.nationality',
    phase: 'ground',
    section: 'profiles.md §5 (extradition)',
    subjects: EXTRADITION,
    trigger: (ctx) =>
      ctx.request.person.nationality === ctx.to.code && ctx.to.nationalityExtradition === 'refuses'
        ? [
            { name: 'request.person.nationality', value: ctx.request.person.nationality },
            {
              name: `registry: ${ctx.to.code}.nationalityExtradition`,
              value: ctx.to.nationalityExtradition,
            },
          ]
        : null,
  },
]

export const extraditionRules: readonly Rule[] = [
  {
    id: 'ground.extradition-threshold',
    question: 'ground.extradition-threshold',
    section: 'profiles.md §5 (extradition)',
    profiles: ALL_PROFILES,
    effect: ground('extradition-threshold', false),
    cites: ['37(1)'],
    note: 'The offence must be punishable under both laws by a maximum deprivation of liberty of at least one year.',
  },
  {
    id: 'ground.sentence-remaining',
    question: 'ground.sentence-remaining',
    section: 'profiles.md §5 (extradition)',
    profiles: ALL_PROFILES,
    effect: ground('sentence-remaining', false),
    cites: ['37(1)'],
    note: 'To serve a sentence, at least six months must remain to be served.',
  },
  {
    id: 'ground.nationality',
    question: 'ground.nationality',
    section: 'profiles.md §5 (extradition)',
    profiles: ALL_PROFILES,
    effect: ground('nationality', false),
    cites: ['37(11)'],
    note: 'The requested State does not extradite its nationals; it must then submit the case for prosecution.',
  },
]
