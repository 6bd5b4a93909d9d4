/**
 * @module treaty/rules/special-measures
 *
 * profiles.md §5: grounds proper to one kind of measure: real-time traffic
 * data (45(2)), interception (46) and the transfer of a detained person
 * (40(9)(a)).
 */
import { ALL_PROFILES, ground, type Question, type Rule } from './rule.js'
import { only } from './subjects.js'

export const specialMeasureQuestions: readonly Question[] = [
  {
    id: 'ground.realtime-threshold',
    phase: 'ground',
    section: 'profiles.md §5, §12.4',
    subjects: only('realtime-traffic'),
    trigger: (ctx) =>
      ctx.serious.ok
        ? null
        : [
            {
              name: `registry: ${ctx.from.code} ${ctx.offence?.code ?? '(no offence named)'} maximum penalty (months)`,
              value: ctx.offence?.maxPenaltyMonths ?? null,
            },
            ...(ctx.profile === 'ohchr-2023'
              ? [
                  { name: 'findings.deathOrSeriousHarm', value: ctx.findings.deathOrSeriousHarm },
                  {
                    name: `registry: serious in ${ctx.to.code} too`,
                    value: ctx.serious.requestedPenaltyOk,
                  },
                ]
              : []),
          ],
  },
  {
    id: 'ground.interception-no-basis',
    phase: 'ground',
    section: 'profiles.md §5, §12.9',
    subjects: only('interception'),
    trigger: (ctx) =>
      ctx.registry.hasMlaTreaty(ctx.from.code, ctx.to.code)
        ? null
        : [
            {
              name: `registry: MLA treaty between ${ctx.from.code} and ${ctx.to.code}`,
              value: false,
            },
          ],
  },
  {
    id: 'ground.no-consent',
    phase: 'ground',
    section: 'profiles.md §5',
    subjects: only('transfer-detained-person'),
    trigger: (ctx) =>
      ctx.request.person.consents === true
        ? null
        : [{ name: 'request.person.consents', value: ctx.request.person.consents }],
  },
]

export const specialMeasureRules: readonly Rule[] = [
  {
    id: 'ground.realtime-threshold',
    question: 'ground.realtime-threshold',
    section: 'profiles.md §5, §12.14',
    profiles: ALL_PROFILES,
    effect: ground('realtime-threshold', false),
    cites: ['45(2)'],
    reading: 'partial',
    note: 'Real-time collection is owed "at least with respect to serious criminal offences"; the offence is not a serious crime.',
  },
  {
    id: 'ground.interception-no-basis',
    question: 'ground.interception-no-basis',
    section: 'profiles.md §5',
    profiles: ALL_PROFILES,
    effect: ground('interception-no-basis', false),
    cites: ['46'],
    note: 'Interception is owed only "to the extent permitted under treaties applicable to them"; none is in force between the two.',
  },
  {
    id: 'ground.no-consent',
    question: 'ground.no-consent',
    section: 'profiles.md §5',
    profiles: ALL_PROFILES,
    effect: ground('no-consent', true),
    cites: ['40(9)(a)'],
    note: 'A detained person may be transferred only if the person "freely gives informed consent".',
  },
]
