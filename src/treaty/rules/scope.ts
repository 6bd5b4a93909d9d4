/**
 * @module treaty/rules/scope
 *
 * profiles.md §3 and §2: when the Convention does not govern the request at
 * all. Checked first; when any scope ground applies the answer is
 * `inapplicable` and nothing else is screened.
 */
import type { Context } from '../engine/context.js'
import { generalEntry, type StateStatus } from '../party-status.js'
import {
  ADOPTED,
  ALL_PROFILES,
  DRAFTS,
  ground,
  NOT_OHCHR,
  OHCHR,
  type Question,
  type Rule,
} from './rule.js'
import { ANY_REQUEST, TWO_STATE } from './subjects.js'

/** The two States whose relation the Convention must govern (§12.1: onward transfer looks at from and holder). */
const pair = (ctx: Context): readonly StateStatus[] => [ctx.fromStatus, ctx.toStatus]

const notPartyStatuses = (ctx: Context) => pair(ctx).filter((s) => !s.deposited || s.denounced)

export const scopeQuestions: readonly Question[] = [
  {
    id: 'scope.not-party',
    phase: 'scope',
    section: 'profiles.md §3',
    subjects: TWO_STATE,
    trigger: (ctx) => {
      const bad = notPartyStatuses(ctx)
      if (bad.length === 0) return null
      return bad.map((s) => ({
        name: `registry: ${s.code} status on ${ctx.asOf}`,
        value: s.deposited
          ? `denunciation effective ${s.denunciationEffective}`
          : 'no instrument deposited',
      }))
    },
  },
  {
    id: 'scope.not-in-force',
    phase: 'scope',
    section: 'profiles.md §3, §12.2',
    subjects: TWO_STATE,
    trigger: (ctx) => {
      const [a, b] = pair(ctx) as [StateStatus, StateStatus]
      if (!a.deposited || !b.deposited) return null
      const late = [a, b].filter((s) => !s.inForce)
      if (late.length === 0) return null
      return late.map((s) => ({
        name: `registry: entry into force for ${s.code}`,
        value: s.entryIntoForce ?? 'not yet determined (fewer than 40 instruments counted)',
      }))
    },
  },
  {
    id: 'scope.out-of-scope',
    phase: 'scope',
    section: 'profiles.md §3, §12.4',
    subjects: ANY_REQUEST,
    trigger: (ctx) => {
      if (inScope(ctx)) return null
      return [
        { name: 'request.conduct', value: ctx.request.conduct },
        { name: 'Convention offences among the conduct', value: ctx.conventionConduct },
        { name: `registry: ${ctx.from.code} offence`, value: offenceFact(ctx) },
        ...(ctx.profile === 'ohchr-2023' ? seriousFacts(ctx) : []),
      ]
    },
  },
]

/** Extradition (37(1)) and transfer of a detained person (40(9)) cover Convention offences only. */
const conventionOnly = (ctx: Context): boolean =>
  ctx.subject === 'extradition' || ctx.subject === 'transfer-detained-person'

function inScope(ctx: Context): boolean {
  if (ctx.conventionConduct.length > 0) return true
  return !conventionOnly(ctx) && ctx.serious.ok
}

function offenceFact(ctx: Context): string {
  const o = ctx.offence
  if (!o) return 'none named'
  return `${o.code} (${o.title}), maximum ${o.maxPenaltyMonths ?? 'no custodial'} months`
}

function seriousFacts(ctx: Context) {
  return [
    { name: 'findings.deathOrSeriousHarm', value: ctx.findings.deathOrSeriousHarm },
    {
      name: `registry: ${ctx.to.code} punishes every conduct by at least 48 months`,
      value: ctx.serious.requestedPenaltyOk,
    },
  ]
}

const denouncedCite = (ctx: Context) => (ctx.profile === 'adopted-2024' ? '67' : '66(1)')
const eifArticle = (ctx: Context) => (ctx.profile === 'adopted-2024' ? '65' : '64')

export const scopeRules: readonly Rule[] = [
  {
    id: 'scope.not-party',
    question: 'scope.not-party',
    section: 'profiles.md §3',
    profiles: ALL_PROFILES,
    effect: ground('not-party', false),
    cites: (ctx) => {
      const out = new Set<string>()
      for (const s of notPartyStatuses(ctx))
        out.add(s.deposited ? denouncedCite(ctx) : eifArticle(ctx))
      return [...out]
    },
    note: 'A State that has deposited no instrument, or whose denunciation has taken effect, is not a Party.',
  },
  {
    id: 'scope.not-in-force.drafts',
    question: 'scope.not-in-force',
    section: 'profiles.md §3, §12.2',
    profiles: DRAFTS,
    effect: ground('not-in-force', false),
    cites: (ctx) => {
      // §12.2: 64(1) while the general entry into force is unknown or after asOf, else 64(2).
      const general = generalEntry(ctx.registry, ctx.asOf).date
      return [general === null || general > ctx.asOf ? '64(1)' : '64(2)']
    },
    note: 'Both States deposited, but the Convention is not yet in force for one of them.',
  },
  {
    id: 'scope.not-in-force.adopted',
    question: 'scope.not-in-force',
    section: 'profiles.md §3, §12.2',
    profiles: ADOPTED,
    effect: ground('not-in-force', false),
    cites: ['65'],
    note: 'Both States deposited, but the Convention is not yet in force for one of them.',
  },
  {
    id: 'scope.out-of-scope',
    question: 'scope.out-of-scope',
    section: 'profiles.md §3, §12.4',
    profiles: NOT_OHCHR,
    effect: ground('out-of-scope', false),
    cites: (ctx) => [scopeArticle(ctx)],
    note: 'No conduct is a Convention offence and the offence is not a serious crime (Art 2(h): at least four years).',
  },
  {
    id: 'scope.out-of-scope.ohchr',
    question: 'scope.out-of-scope',
    section: 'profiles.md §3, §10, §12.4',
    profiles: OHCHR,
    effect: ground('out-of-scope', false),
    cites: (ctx) => {
      const out = [scopeArticle(ctx)]
      if (!conventionOnly(ctx)) {
        if (!ctx.serious.harmOk) out.push('2(h)')
        if (!ctx.serious.requestedPenaltyOk) out.push('35(2)')
      }
      return out
    },
    note: 'OHCHR: a serious crime must also cause death or serious bodily harm (2(h)) and be serious in both States (35(2)).',
  },
]

function scopeArticle(ctx: Context): string {
  const adopted = ctx.profile === 'adopted-2024'
  if (ctx.subject === 'extradition') return adopted ? '37' : '37(1)'
  if (ctx.subject === 'transfer-detained-person') return adopted ? '40' : '40(9)'
  return adopted ? '35' : '35(1)'
}
