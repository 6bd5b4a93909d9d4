/**
 * @module treaty/rules/refusal-grounds
 *
 * profiles.md §5: the refusal grounds that rest on the requested State's
 * findings: Art 40(21)(b)–(d), political offence, human-rights risk,
 * protected expression, discrimination (§7), de minimis (40(8)) and data
 * protection (36(1)), for the MLA family, preservation and traffic
 * disclosure, and their Art 37 counterparts for extradition.
 */
import { TREATY_DISCRIMINATION_GROUNDS } from '../codes.js'
import type { Context } from '../engine/context.js'
import type { Fact, Question, Rule } from './rule.js'
import { ADOPTED, ALL_PROFILES, ground, NO_GROUND, NOT_OHCHR, OHCHR, ZERO } from './rule.js'
import { EXTRADITION, FAMILY, ON_40_21, ON_40_21_AND_EXTRADITION, only } from './subjects.js'

const finding = (
  id: string,
  subjects: Question['subjects'],
  facts: (ctx: Context) => readonly Fact[] | null,
): Question => ({ id, phase: 'ground', section: 'profiles.md §5', subjects, trigger: facts })

const flag =
  (
    key:
      | 'essentialInterests'
      | 'otherEssentialInterests'
      | 'domesticLawBars'
      | 'contraryToLegalSystem'
      | 'politicalOffence'
      | 'deMinimis'
      | 'dataProtectionBars',
  ) =>
  (ctx: Context): readonly Fact[] | null =>
    ctx.findings[key] ? [{ name: `findings.${key}`, value: true }] : null

const treatyListed = (ctx: Context): boolean =>
  ctx.findings.discriminationGrounds.some((g) =>
    (TREATY_DISCRIMINATION_GROUNDS as readonly string[]).includes(g),
  )

export const refusalGroundQuestions: readonly Question[] = [
  finding('ground.essential-interests', ON_40_21, flag('essentialInterests')),
  finding('ground.other-essential-interests', ON_40_21, flag('otherEssentialInterests')),
  finding('ground.domestic-law-bars', ON_40_21_AND_EXTRADITION, flag('domesticLawBars')),
  finding('ground.contrary-to-legal-system', ON_40_21, flag('contraryToLegalSystem')),
  finding('ground.political-offence', ON_40_21_AND_EXTRADITION, flag('politicalOffence')),
  finding('ground.human-rights-risk', ON_40_21_AND_EXTRADITION, (ctx) =>
    ctx.findings.humanRightsRisk === null
      ? null
      : [{ name: 'findings.humanRightsRisk', value: ctx.findings.humanRightsRisk }],
  ),
  finding('ground.protected-expression', ON_40_21_AND_EXTRADITION, (ctx) =>
    ctx.offence?.protectedExpression
      ? [
          {
            name: `registry: ${ctx.from.code} ${ctx.offence.code}.protectedExpression`,
            value: true,
          },
        ]
      : null,
  ),
  finding('ground.discrimination', ON_40_21_AND_EXTRADITION, (ctx) =>
    ctx.findings.discriminationGrounds.length === 0
      ? null
      : [{ name: 'findings.discriminationGrounds', value: ctx.findings.discriminationGrounds }],
  ),
  finding('ground.de-minimis', FAMILY, flag('deMinimis')),
  finding(
    'ground.data-protection',
    only(...FAMILY, 'traffic-disclosure'),
    flag('dataProtectionBars'),
  ),
]

const mla = ON_40_21
const ext = EXTRADITION

export const refusalGroundRules: readonly Rule[] = [
  // 40(21)(b): sovereignty, security, ordre public
  {
    id: 'ground.essential-interests.discretionary',
    question: 'ground.essential-interests',
    section: 'profiles.md §5',
    profiles: NOT_OHCHR,
    effect: ground('essential-interests', false),
    cites: ['40(21)(b)'],
    note: 'Execution is likely to prejudice sovereignty, security or ordre public: assistance may be refused.',
  },
  {
    id: 'ground.essential-interests.ohchr',
    question: 'ground.essential-interests',
    section: 'profiles.md §5, §10',
    profiles: OHCHR,
    effect: ground('essential-interests', true),
    cites: ['40(21)(b)'],
    note: 'OHCHR (A61) lists sovereignty, security and ordre public among the grounds on which assistance "shall be refused".',
  },
  {
    id: 'ground.other-essential-interests',
    question: 'ground.other-essential-interests',
    section: 'profiles.md §5',
    profiles: ALL_PROFILES,
    effect: ground('essential-interests', false),
    cites: ['40(21)(b)'],
    note: '"Other essential interests" stay discretionary in every text (OHCHR A61 leaves them out of its mandatory list).',
  },
  // 40(21)(c) and 37(8)
  {
    id: 'ground.domestic-law-bars.mla.discretionary',
    question: 'ground.domestic-law-bars',
    section: 'profiles.md §5',
    profiles: NOT_OHCHR,
    subjects: mla,
    effect: ground('domestic-law-bars', false),
    cites: ['40(21)(c)'],
    note: 'The authorities would be prohibited by domestic law from the action for a similar offence.',
  },
  {
    id: 'ground.domestic-law-bars.mla.ohchr',
    question: 'ground.domestic-law-bars',
    section: 'profiles.md §5, §10',
    profiles: OHCHR,
    subjects: mla,
    effect: ground('domestic-law-bars', true),
    cites: ['40(21)(c)'],
    note: 'OHCHR (A61, A62): the action "would not be authorized" by domestic law, and refusal is mandatory.',
  },
  {
    id: 'ground.domestic-law-bars.extradition',
    question: 'ground.domestic-law-bars',
    section: 'profiles.md §5 (extradition)',
    profiles: ALL_PROFILES,
    subjects: ext,
    effect: ground('domestic-law-bars', false),
    cites: ['37(8)'],
    note: "Extradition is subject to the conditions of the requested State's domestic law.",
  },
  // 40(21)(d)
  {
    id: 'ground.contrary-to-legal-system',
    question: 'ground.contrary-to-legal-system',
    section: 'profiles.md §5',
    profiles: ALL_PROFILES,
    effect: ground('contrary-to-legal-system', false),
    cites: ['40(21)(d)'],
    note: 'Granting the request would be contrary to the legal system of the requested State relating to MLA.',
  },
  // political offence
  {
    id: 'ground.political-offence.mla.none',
    question: 'ground.political-offence',
    section: 'profiles.md §5',
    profiles: NOT_OHCHR,
    subjects: mla,
    effect: NO_GROUND,
    cites: ['40(21)'],
    reading: 'unverified',
    note: 'The MLA refusal grounds contain no political-offence exception in this text.',
  },
  {
    id: 'ground.political-offence.mla.ohchr',
    question: 'ground.political-offence',
    section: 'profiles.md §5, §10',
    profiles: OHCHR,
    subjects: mla,
    effect: ground('political-offence', true),
    cites: ['40(21)(b)'],
    note: 'OHCHR inserts "the criminal offence will be treated as a political offence" in 40(21)(b) and makes it mandatory (A61).',
  },
  {
    id: 'ground.political-offence.extradition.none',
    question: 'ground.political-offence',
    section: 'profiles.md §5 (extradition)',
    profiles: NOT_OHCHR,
    subjects: ext,
    effect: NO_GROUND,
    cites: ['37(15)'],
    reading: 'unverified',
    note: 'Art 37(15) in this text names no political-offence exception.',
  },
  {
    id: 'ground.political-offence.extradition.ohchr',
    question: 'ground.political-offence',
    section: 'profiles.md §5 (extradition), §10',
    profiles: OHCHR,
    subjects: ext,
    effect: ground('political-offence', false),
    cites: ['37(15)'],
    note: 'OHCHR inserts prosecution for a political offence in 37(15) ("no obligation to extradite").',
  },
  // human-rights risk
  {
    id: 'ground.human-rights-risk.zero.none',
    question: 'ground.human-rights-risk',
    section: 'profiles.md §5',
    profiles: ZERO,
    effect: NO_GROUND,
    cites: ['5'],
    note: 'The zero draft has no human-rights refusal ground in Arts 37 or 40; only the general Art 5.',
  },
  {
    id: 'ground.human-rights-risk.mla.ohchr',
    question: 'ground.human-rights-risk',
    section: 'profiles.md §5, §10',
    profiles: OHCHR,
    subjects: mla,
    effect: ground('human-rights-risk', true),
    cites: ['40(21)(b)'],
    note: 'OHCHR inserts "lead to a violation of international human rights" in 40(21)(b), a mandatory ground (A61).',
  },
  {
    id: 'ground.human-rights-risk.extradition.ohchr',
    question: 'ground.human-rights-risk',
    section: 'profiles.md §5 (extradition), §10',
    profiles: OHCHR,
    subjects: ext,
    effect: ground('human-rights-risk', false),
    cites: ['37(15)'],
    note: 'OHCHR inserts "would likely lead to a violation of human rights" in 37(15).',
  },
  {
    id: 'ground.human-rights-risk.adopted',
    question: 'ground.human-rights-risk',
    section: 'profiles.md §5',
    profiles: ADOPTED,
    effect: ground('human-rights-risk', false),
    cites: ['6'],
    note: 'Art 6: implementation consistent with obligations under international human rights law.',
  },
  // protected expression
  {
    id: 'ground.protected-expression.zero.none',
    question: 'ground.protected-expression',
    section: 'profiles.md §5',
    profiles: ZERO,
    effect: NO_GROUND,
    cites: ['40(21)'],
    note: 'The zero draft gives no ground for offences that criminalise protected expression.',
  },
  {
    id: 'ground.protected-expression.mla.ohchr',
    question: 'ground.protected-expression',
    section: 'profiles.md §5, §12.14',
    profiles: OHCHR,
    subjects: mla,
    effect: ground('protected-expression', true),
    cites: ['40(21)(b)'],
    reading: 'partial',
    note: 'Prosecuting protected expression is a human-rights violation under the inserted 40(21)(b)(ii) (a reading).',
  },
  {
    id: 'ground.protected-expression.extradition.ohchr',
    question: 'ground.protected-expression',
    section: 'profiles.md §5 (extradition)',
    profiles: OHCHR,
    subjects: ext,
    effect: ground('protected-expression', false),
    cites: ['37(15)'],
    reading: 'partial',
    note: 'A human-rights violation under the inserted 37(15) wording (a reading).',
  },
  {
    id: 'ground.protected-expression.adopted',
    question: 'ground.protected-expression',
    section: 'profiles.md §5',
    profiles: ADOPTED,
    effect: ground('protected-expression', false),
    cites: ['6(2)'],
    note: 'Art 6(2): nothing permits suppression of the freedoms of expression, conscience, assembly or association.',
  },
  // discrimination (§7)
  {
    id: 'ground.discrimination.mla.zero.none',
    question: 'ground.discrimination',
    section: 'profiles.md §5, §7',
    profiles: ZERO,
    subjects: mla,
    effect: NO_GROUND,
    cites: ['40(21)'],
    note: 'The zero draft has no discrimination paragraph for MLA.',
  },
  {
    id: 'ground.discrimination.mla.ohchr',
    question: 'ground.discrimination',
    section: 'profiles.md §5, §7, §12.14',
    profiles: OHCHR,
    subjects: mla,
    effect: ground('discrimination', true),
    cites: ['40(21)(b)'],
    reading: 'partial',
    note: 'Any prohibited ground of discrimination; a human-rights violation under the inserted 40(21)(b)(ii) (a reading).',
  },
  {
    id: 'ground.discrimination.treaty-list',
    question: 'ground.discrimination',
    section: 'profiles.md §5, §7',
    profiles: ADOPTED,
    subjects: mla,
    applies: treatyListed,
    effect: ground('discrimination', false),
    cites: ['40'],
    reading: 'partial',
    note: 'No obligation to assist where the request aims at a person on account of sex, race, language, religion, nationality, ethnic origin or political opinion.',
  },
  {
    id: 'ground.discrimination.extradition.treaty-list',
    question: 'ground.discrimination',
    section: 'profiles.md §5 (extradition), §7',
    profiles: NOT_OHCHR,
    subjects: ext,
    applies: treatyListed,
    effect: ground('discrimination', false),
    cites: ['37(15)'],
    note: 'No obligation to extradite on account of a ground in the treaty list (37(15)).',
  },
  {
    id: 'ground.discrimination.outside-treaty-list',
    question: 'ground.discrimination',
    section: 'profiles.md §7',
    profiles: ADOPTED,
    applies: (ctx) => !treatyListed(ctx),
    effect: NO_GROUND,
    cites: (ctx) => [ctx.subject === 'extradition' ? '37(15)' : '40'],
    note: 'The finding is outside the treaty list this text uses, so it gives no discrimination ground.',
  },
  {
    id: 'ground.discrimination.extradition.zero.outside-treaty-list',
    question: 'ground.discrimination',
    section: 'profiles.md §7',
    profiles: ZERO,
    subjects: ext,
    applies: (ctx) => !treatyListed(ctx),
    effect: NO_GROUND,
    cites: ['37(15)'],
    note: 'The finding is outside the treaty list of 37(15), so it gives no discrimination ground.',
  },
  {
    id: 'ground.discrimination.extradition.ohchr',
    question: 'ground.discrimination',
    section: 'profiles.md §5 (extradition), §7, §10',
    profiles: OHCHR,
    subjects: ext,
    effect: ground('discrimination', false),
    cites: ['37(15)'],
    note: 'OHCHR (A59) extends 37(15) to "any prohibited ground of discrimination under international human rights law".',
  },
  // 40(8) de minimis, 36(1) data protection
  {
    id: 'ground.de-minimis',
    question: 'ground.de-minimis',
    section: 'profiles.md §5',
    profiles: ALL_PROFILES,
    effect: ground('de-minimis', false),
    cites: ['40(8)'],
    note: 'Assistance may be refused when requests involve matters of a de minimis nature.',
  },
  {
    id: 'ground.data-protection',
    question: 'ground.data-protection',
    section: 'profiles.md §5',
    profiles: ALL_PROFILES,
    effect: ground('data-protection', false),
    cites: ['36(1)'],
    note: 'A State is not required to transfer personal data it cannot provide in compliance with its data-protection law.',
  },
]
