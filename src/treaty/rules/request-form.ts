/**
 * @module treaty/rules/request-form
 *
 * profiles.md §6 and §12.5–12.6: the form of a request. Missing required
 * contents, an oral request without urgency and an emergency request sent
 * outside the 24/7 channel make it non-conforming (40(21)(a)); a language
 * the requested State does not accept is a ground of its own (40(13)).
 */
import type { Context } from '../engine/context.js'
import { ALL_PROFILES, ground, type Question, type Rule } from './rule.js'
import { ON_40_21, only } from './subjects.js'

const missingCite = (ctx: Context): string =>
  ctx.subject === 'preservation'
    ? '42(2)'
    : ctx.subject === 'realtime-traffic'
      ? '45(3)'
      : '40(21)(a)'

const oralWithoutUrgency = (ctx: Context) => ctx.request.oral && !ctx.request.urgent
const emergencyOutside247 = (ctx: Context) =>
  ctx.subject === 'emergency-disclosure' && ctx.request.channel !== '24/7'

export const requestFormQuestions: readonly Question[] = [
  {
    id: 'ground.nonconforming-request',
    phase: 'ground',
    section: 'profiles.md §5, §6, §12.5',
    subjects: ON_40_21,
    trigger: (ctx) => {
      const facts = []
      if (ctx.missingFields.length > 0)
        facts.push({ name: 'missing required fields', value: ctx.missingFields })
      if (oralWithoutUrgency(ctx))
        facts.push({ name: 'request.oral without request.urgent', value: true })
      if (emergencyOutside247(ctx))
        facts.push({ name: 'request.channel', value: ctx.request.channel })
      return facts.length > 0 ? facts : null
    },
  },
  {
    id: 'ground.language-not-accepted',
    phase: 'ground',
    section: 'profiles.md §5, §6',
    subjects: only(
      'mla',
      'stored-data',
      'realtime-traffic',
      'interception',
      'transfer-detained-person',
    ),
    trigger: (ctx) => {
      const lang = ctx.request.language
      if (lang !== null && ctx.to.languages.includes(lang)) return null
      return [
        { name: 'request.language', value: lang },
        { name: `registry: ${ctx.to.code} languages`, value: ctx.to.languages },
      ]
    },
  },
]

const nonconformingCites = (ctx: Context): string[] => {
  const out: string[] = []
  if (ctx.missingFields.length > 0) out.push(missingCite(ctx))
  if (oralWithoutUrgency(ctx)) out.push('40(13)')
  if (emergencyOutside247(ctx)) out.push('41(3)')
  return out
}

export const requestFormRules: readonly Rule[] = [
  {
    id: 'ground.nonconforming-request',
    question: 'ground.nonconforming-request',
    section: 'profiles.md §5, §12.5',
    profiles: ALL_PROFILES,
    subjects: only(...[...ON_40_21].filter((s) => s !== 'emergency-disclosure')),
    effect: ground('nonconforming-request', false),
    cites: nonconformingCites,
    note: 'Assistance may be refused if the request is not made in conformity with the article.',
  },
  {
    id: 'ground.nonconforming-request.emergency',
    question: 'ground.nonconforming-request',
    section: 'profiles.md §5, §12.5, §12.14',
    profiles: ALL_PROFILES,
    subjects: only('emergency-disclosure'),
    effect: ground('nonconforming-request', false),
    cites: nonconformingCites,
    reading: 'unverified',
    note: 'Emergency disclosure goes 24/7 desk to 24/7 desk (41(3)(d)) with the MLA form rules, by analogy (a reading).',
  },
  {
    id: 'ground.language-not-accepted',
    question: 'ground.language-not-accepted',
    section: 'profiles.md §5, §6',
    profiles: ALL_PROFILES,
    effect: ground('language-not-accepted', false),
    cites: ['40(13)'],
    note: 'Requests are made "in a language acceptable to the requested State Party".',
  },
]
