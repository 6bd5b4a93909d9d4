/**
 * @module treaty/codes
 *
 * The closed vocabularies of the scenario format (FORMAT.md, profiles.md §7).
 */
export const REQUEST_TYPES = [
  'mla',
  'preservation',
  'traffic-disclosure',
  'stored-data',
  'realtime-traffic',
  'interception',
  'extradition',
  'emergency-disclosure',
  'spontaneous-information',
  'transfer-detained-person',
] as const
export type RequestType = (typeof REQUEST_TYPES)[number]

/** profiles.md §5: the MLA family. */
export const MLA_FAMILY: ReadonlySet<RequestType> = new Set([
  'mla',
  'stored-data',
  'realtime-traffic',
  'interception',
  'emergency-disclosure',
  'transfer-detained-person',
])

/** Types screened on the Art 40(21) grounds: the MLA family, and preservation and traffic disclosure through 42(5) and 43(2). */
export const SCREENED_ON_40_21: ReadonlySet<RequestType> = new Set([
  ...MLA_FAMILY,
  'preservation',
  'traffic-disclosure',
])

export const CHANNELS = ['central-authority', '24/7', 'diplomatic', 'interpol'] as const
export type Channel = (typeof CHANNELS)[number]

export const CONDUCT_CODES = [
  'illegal-access',
  'illegal-interception',
  'data-interference',
  'system-interference',
  'misuse-of-devices',
  'computer-forgery',
  'computer-fraud',
  'csam',
  'grooming',
  'non-consensual-intimate-images',
  'laundering-proceeds',
  'drug-trafficking',
  'homicide',
  'terrorism-financing',
  'defamation',
  'insulting-officials',
  'extremist-content',
  'unauthorised-assembly',
  'blasphemy',
  'same-sex-relations',
  'tax-evasion',
  'copyright-infringement',
] as const
export type ConductCode = (typeof CONDUCT_CODES)[number]

export const GROUND_CODES = [
  'not-party',
  'not-in-force',
  'out-of-scope',
  'no-dual-criminality',
  'political-offence',
  'discrimination',
  'human-rights-risk',
  'essential-interests',
  'domestic-law-bars',
  'contrary-to-legal-system',
  'de-minimis',
  'nonconforming-request',
  'language-not-accepted',
  'extradition-threshold',
  'sentence-remaining',
  'nationality',
  'realtime-threshold',
  'interception-no-basis',
  'no-consent',
  'onward-transfer-unauthorised',
  'data-protection',
  'dual-criminality-at-disclosure',
  'protected-expression',
] as const
export type GroundCode = (typeof GROUND_CODES)[number]

export const EXCLUDABLE_CODES = ['bank-secrecy', 'fiscal-matter'] as const
export type ExcludableCode = (typeof EXCLUDABLE_CODES)[number]

export const OBLIGATION_CODES = [
  'consult-before-refusal',
  'give-reasons',
  'submit-for-prosecution',
  'confirm-in-writing',
  'inform-if-confidentiality-impossible',
  'preserve-pending-decision',
  'notify-before-exculpatory-disclosure',
  'request-additional-information',
  'inform-decision',
  'postpone-possible',
] as const
export type ObligationCode = (typeof OBLIGATION_CODES)[number]

export const OUTCOMES = ['inapplicable', 'must-refuse', 'may-refuse', 'no-listed-ground'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** profiles.md §7: the treaty list (37(15) V; the adopted MLA paragraph P). */
export const TREATY_DISCRIMINATION_GROUNDS = [
  'sex',
  'race',
  'language',
  'religion',
  'nationality',
  'ethnic-origin',
  'political-opinion',
] as const

/** profiles.md §7: other prohibited grounds under international human rights law (ICCPR arts 2(1), 26; OHCHR A59). */
export const OTHER_PROHIBITED_GROUNDS = [
  'colour',
  'sexual-orientation',
  'gender-identity',
  'disability',
  'age',
  'social-origin',
  'birth',
  'property',
  'other-status',
] as const

export const DISCRIMINATION_GROUNDS = [
  ...TREATY_DISCRIMINATION_GROUNDS,
  ...OTHER_PROHIBITED_GROUNDS,
] as const
export type DiscriminationGround = (typeof DISCRIMINATION_GROUNDS)[number]

export const NATIONALITY_EXTRADITION = ['allows', 'refuses', 'conditional-return'] as const
