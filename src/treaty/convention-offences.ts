/**
 * @module treaty/convention-offences
 *
 * profiles.md §1: the conduct codes that are Convention offences, with their
 * article in the zero draft (Arts 6–16) and in the adopted text (Arts 7–17).
 * Every other conduct code names conduct that is not a Convention offence.
 */
import type { ConductCode } from './codes.js'
import type { ProfileId } from './profile.js'

/** Zero-draft article per Convention-offence conduct code; the adopted text is one higher. */
const ZERO_DRAFT_ARTICLE: Partial<Record<ConductCode, number>> = {
  'illegal-access': 6,
  'illegal-interception': 7,
  'data-interference': 8,
  'system-interference': 9,
  'misuse-of-devices': 10,
  'computer-forgery': 11,
  'computer-fraud': 12,
  csam: 13,
  grooming: 14,
  'non-consensual-intimate-images': 15,
  'laundering-proceeds': 16,
}

export const isConventionOffence = (conduct: ConductCode): boolean =>
  ZERO_DRAFT_ARTICLE[conduct] !== undefined

/** The article that establishes the offence under the profile, or null when the conduct is no Convention offence. */
export function offenceArticle(profile: ProfileId, conduct: ConductCode): string | null {
  const zero = ZERO_DRAFT_ARTICLE[conduct]
  if (zero === undefined) return null
  return String(profile === 'adopted-2024' ? zero + 1 : zero)
}
