/**
 * @module treaty/profile
 *
 * The three text profiles (profiles.md §1). A profile is one text of the
 * Convention; the engine answers every question under exactly one profile,
 * and `compare` answers it under all three.
 */
import { RogatoryError } from '../errors/rogatory-error.js'

export const PROFILES = ['zero-draft-2023', 'ohchr-2023', 'adopted-2024'] as const
export type ProfileId = (typeof PROFILES)[number]

export interface ProfileInfo {
  readonly id: ProfileId
  readonly title: string
  /** Trust mark of the text as a whole (profiles.md §1). */
  readonly trust: TrustMark
  /** Article numbers of the Convention offences (first..last). */
  readonly offenceArticles: readonly [number, number]
  readonly entryIntoForceArticle: number
  readonly denunciationArticle: number
  /** Adopted text: paragraph numbers inside Arts 37–46 are unverified, so rules cite the article alone. */
  readonly citesArticleOnly: boolean
}

/** V verified, P partial, U unverified (profiles.md, "Trust marks"). */
export type TrustMark = 'verified' | 'partial' | 'unverified'

export const PROFILE_INFO: Readonly<Record<ProfileId, ProfileInfo>> = {
  'zero-draft-2023': {
    id: 'zero-draft-2023',
    title: "Chair's zero draft (2023), without OHCHR's proposed changes",
    trust: 'verified',
    offenceArticles: [6, 16],
    entryIntoForceArticle: 64,
    denunciationArticle: 66,
    citesArticleOnly: false,
  },
  'ohchr-2023': {
    id: 'ohchr-2023',
    title: "Zero draft with OHCHR's proposals that change an outcome (annotations of 22 Aug 2023)",
    trust: 'verified',
    offenceArticles: [6, 16],
    entryIntoForceArticle: 64,
    denunciationArticle: 66,
    citesArticleOnly: false,
  },
  'adopted-2024': {
    id: 'adopted-2024',
    title: 'Convention adopted by GA resolution 79/243 (24 December 2024)',
    trust: 'partial',
    offenceArticles: [7, 17],
    entryIntoForceArticle: 65,
    denunciationArticle: 67,
    citesArticleOnly: true,
  },
}

export const isProfileId = (value: unknown): value is ProfileId =>
  typeof value === 'string' && (PROFILES as readonly string[]).includes(value)

export function parseProfile(value: unknown, path = 'profile'): ProfileId {
  if (isProfileId(value)) return value
  throw new RogatoryError(
    'ERR_UNKNOWN_PROFILE',
    `unknown profile ${JSON.stringify(value)}; expected one of ${PROFILES.join(', ')}`,
    { path },
  )
}
