/**
 * @module treaty/rules/dual-criminality
 *
 * profiles.md §4 (conduct-based dual criminality, 35(2) V) and the §5 rows
 * `no-dual-criminality` and `dual-criminality-at-disclosure`.
 */
import { isConventionOffence } from '../convention-offences.js'
import type { Context } from '../engine/context.js'
import {
  ADOPTED,
  ground,
  NO_GROUND,
  NOT_OHCHR,
  OHCHR,
  type Question,
  type Rule,
  ZERO,
} from './rule.js'
import { FAMILY, only, PRESERVATION } from './subjects.js'

const uncoveredFacts = (ctx: Context) => [
  { name: 'request.conduct', value: ctx.request.conduct },
  {
    name: `registry: conduct no offence of ${ctx.to.code} covers`,
    value: ctx.dualCriminality.uncovered,
  },
]

export const dualCriminalityQuestions: readonly Question[] = [
  {
    id: 'ground.no-dual-criminality',
    phase: 'ground',
    section: 'profiles.md §4, §5',
    // Extradition: never reported, the threshold ground covers it (§5). Traffic disclosure: not listed.
    subjects: only(...FAMILY, 'preservation'),
    trigger: (ctx) => (ctx.dualCriminality.ok ? null : uncoveredFacts(ctx)),
  },
  {
    id: 'ground.dual-criminality-at-disclosure',
    phase: 'ground',
    section: 'profiles.md §5',
    subjects: PRESERVATION,
    trigger: (ctx) => {
      if (!ctx.to.reservations.includes('art42(4)')) return null
      if (ctx.request.conduct.some(isConventionOffence) || ctx.dualCriminality.ok) return null
      return [
        { name: `registry: ${ctx.to.code} reservations`, value: ctx.to.reservations },
        ...uncoveredFacts(ctx),
      ]
    },
  },
]

export const dualCriminalityRules: readonly Rule[] = [
  {
    id: 'ground.no-dual-criminality.mla.discretionary',
    question: 'ground.no-dual-criminality',
    section: 'profiles.md §5',
    profiles: NOT_OHCHR,
    subjects: FAMILY,
    effect: ground('no-dual-criminality', false),
    cites: ['40(8)'],
    note: 'States Parties "may decline" to assist for absence of dual criminality.',
  },
  {
    id: 'ground.no-dual-criminality.mla.ohchr',
    question: 'ground.no-dual-criminality',
    section: 'profiles.md §5, §10',
    profiles: OHCHR,
    subjects: FAMILY,
    effect: ground('no-dual-criminality', true),
    cites: ['40(8)'],
    note: 'OHCHR replaces "may" by "shall" decline: refusal is mandatory.',
  },
  {
    id: 'ground.no-dual-criminality.preservation.not-required',
    question: 'ground.no-dual-criminality',
    section: 'profiles.md §5',
    profiles: NOT_OHCHR,
    subjects: PRESERVATION,
    effect: NO_GROUND,
    cites: ['42(3)'],
    note: '"Dual criminality shall not be required as a condition for providing such preservation."',
  },
  {
    id: 'ground.no-dual-criminality.preservation.ohchr',
    question: 'ground.no-dual-criminality',
    section: 'profiles.md §5, §10',
    profiles: OHCHR,
    subjects: PRESERVATION,
    effect: ground('no-dual-criminality', false),
    cites: ['42(3)'],
    reading: 'partial',
    note: "OHCHR (A65) deletes 42(3)'s second sentence, so the requested State's dual-criminality requirement applies again (a reading).",
  },
  {
    id: 'ground.dual-criminality-at-disclosure.zero',
    question: 'ground.dual-criminality-at-disclosure',
    section: 'profiles.md §5',
    profiles: ZERO,
    effect: ground('dual-criminality-at-disclosure', false),
    cites: ['42(4)'],
    note: 'The requested State reserved 42(4): it may refuse preservation where dual criminality could not be fulfilled at disclosure.',
  },
  {
    id: 'ground.dual-criminality-at-disclosure.ohchr',
    question: 'ground.dual-criminality-at-disclosure',
    section: 'profiles.md §5',
    profiles: OHCHR,
    effect: NO_GROUND,
    cites: ['42(3)'],
    note: 'Superseded: under OHCHR the absence of dual criminality is itself a ground for preservation.',
  },
  {
    id: 'ground.dual-criminality-at-disclosure.adopted',
    question: 'ground.dual-criminality-at-disclosure',
    section: 'profiles.md §5',
    profiles: ADOPTED,
    effect: ground('dual-criminality-at-disclosure', false),
    cites: ['42'],
    note: 'The requested State reserved the right to refuse preservation where dual criminality could not be fulfilled at disclosure.',
  },
]
