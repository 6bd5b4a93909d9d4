/**
 * @module treaty/rules/onward-transfer
 *
 * profiles.md §8 (onward transfer) and §12.11: may data one State
 * transferred to another be passed on to a third country (Art 36(3))?
 */
import type { Context } from '../engine/context.js'
import { ADOPTED, DRAFTS, ground, NO_GROUND, type Question, type Rule } from './rule.js'
import { only } from './subjects.js'

const ONWARD = only('onward-transfer')

/** Adopted Art 36 (U): prior authorization, in writing where the original State requires it. */
const adoptedAllowed = (ctx: Context): boolean =>
  ctx.onward?.authorized === true &&
  (ctx.onward.written || !ctx.from.dataProtection.onwardTransferRequiresWritten)

export const onwardTransferQuestions: readonly Question[] = [
  {
    id: 'onward.authorisation',
    phase: 'ground',
    section: 'profiles.md §8, §12.11',
    subjects: ONWARD,
    trigger: (ctx) => [
      { name: 'original transferring State', value: ctx.from.code },
      { name: 'holder', value: ctx.to.code },
      { name: 'third country', value: ctx.onward?.to },
      { name: 'writtenAuthorization', value: ctx.onward?.written },
      { name: 'authorized', value: ctx.onward?.authorized },
      {
        name: `registry: ${ctx.from.code}.dataProtection.onwardTransferRequiresWritten`,
        value: ctx.from.dataProtection.onwardTransferRequiresWritten,
      },
    ],
  },
]

export const onwardTransferRules: readonly Rule[] = [
  {
    id: 'onward.drafts.unauthorised',
    question: 'onward.authorisation',
    section: 'profiles.md §8',
    profiles: DRAFTS,
    applies: (ctx) => !ctx.onward?.written,
    effect: ground('onward-transfer-unauthorised', true),
    cites: ['36(3)'],
    note: 'Onward transfer "only with the prior written authorization of the original transferring State Party".',
  },
  {
    id: 'onward.drafts.authorised',
    question: 'onward.authorisation',
    section: 'profiles.md §8',
    profiles: DRAFTS,
    applies: (ctx) => ctx.onward?.written === true,
    effect: NO_GROUND,
    cites: ['36(3)'],
    note: 'Prior written authorization was given.',
  },
  {
    id: 'onward.adopted.unauthorised',
    question: 'onward.authorisation',
    section: 'profiles.md §8',
    profiles: ADOPTED,
    applies: (ctx) => !adoptedAllowed(ctx),
    effect: ground('onward-transfer-unauthorised', true),
    cites: ['36'],
    reading: 'unverified',
    note: 'Onward transfer needs the prior authorization of the original State, in writing where that State requires it.',
  },
  {
    id: 'onward.adopted.authorised',
    question: 'onward.authorisation',
    section: 'profiles.md §8',
    profiles: ADOPTED,
    applies: adoptedAllowed,
    effect: NO_GROUND,
    cites: ['36'],
    reading: 'unverified',
    note: 'The original State authorized the transfer in the form it requires.',
  },
]
