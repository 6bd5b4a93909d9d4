/**
 * @module treaty/provisions/catalog
 *
 * The provisions the engine cites, per text profile, each with its trust
 * mark and source. Lookups fail closed: a citation the catalogue does not
 * hold is `unverified`, never silently verified.
 */
import { RogatoryError } from '../../errors/rogatory-error.js'
import { citationAncestors, citationParts, isCitation } from '../citation.js'
import type { ProfileId, TrustMark } from '../profile.js'
import { ADOPTED_2024_TEXT } from './adopted-2024-text.js'
import { DRAFT_2023_TEXT } from './draft-2023-text.js'

export interface Provision {
  readonly id: string
  readonly profile: ProfileId
  readonly title: string
  /** Verbatim wording, where we hold it. */
  readonly text: string | null
  /** Our summary when the wording is not held; never to be shown as treaty text. */
  readonly summary: string | null
  readonly trust: TrustMark
  readonly source: string
}

const SEED = 'seed 003 (OHCHR annotations to the zero draft, 22 Aug 2023)'

/** Article headings of the draft (seed 003). */
const DRAFT_ARTICLES: Record<string, string> = {
  '2': 'Use of terms',
  '5': 'Respect for human rights',
  '35': 'General principles of international cooperation',
  '36': 'Protection of personal data',
  '37': 'Extradition',
  '40': 'General principles and procedures relating to mutual legal assistance',
  '41': '24/7 network',
  '42': 'Expedited preservation of stored [computer data] [digital information]',
  '43': 'Expedited disclosure of preserved traffic data',
  '45': 'Mutual legal assistance in the real-time collection of traffic data',
  '46': 'Mutual legal assistance in the interception of content data',
  '64': 'Entry into force',
  '66': 'Denunciation',
}

/** Draft passages whose wording we hold only in part (profiles.md trust marks; lost markup). */
const ZERO_PARTIAL: Record<string, string> = {
  '2(h)':
    "P: the seed shows only OHCHR's amended wording; the Chair's wording is taken from the UNTOC 2(b) template and the adopted 2(h)",
  '40(4)': "P: the seed's insertion markup is lost in this paragraph",
}
const OHCHR_PARTIAL: Record<string, string> = {
  '40(4)': ZERO_PARTIAL['40(4)']!,
  '42(3)':
    'P: OHCHR proposes deleting the second sentence in a comment only (A65); applied as a reading',
}

/** OHCHR's comment-only proposal applied as a reading (profiles.md §10). */
const OHCHR_42_3 =
  'Upon receiving the request from another State Party, the requested State Party shall take all appropriate measures to preserve expeditiously the specified data in accordance with its domestic law.'

function draftCatalog(profile: 'zero-draft-2023' | 'ohchr-2023'): Map<string, Provision> {
  const out = new Map<string, Provision>()
  const partial = profile === 'ohchr-2023' ? OHCHR_PARTIAL : ZERO_PARTIAL
  for (const [id, title] of Object.entries(DRAFT_ARTICLES)) {
    out.set(id, { id, profile, title, text: null, summary: null, trust: 'verified', source: SEED })
  }
  for (const [id, entry] of Object.entries(DRAFT_2023_TEXT)) {
    let text = profile === 'ohchr-2023' ? (entry.ohchr ?? entry.zeroDraft) : entry.zeroDraft
    if (profile === 'ohchr-2023' && id === '42(3)') text = OHCHR_42_3
    const why = partial[id]
    out.set(id, {
      id,
      profile,
      title: entry.title,
      text,
      summary: null,
      trust: why ? 'partial' : 'verified',
      source: why ? `${SEED}; ${why}` : SEED,
    })
  }
  return out
}

function adoptedCatalog(): Map<string, Provision> {
  const out = new Map<string, Provision>()
  for (const [id, e] of Object.entries(ADOPTED_2024_TEXT)) {
    out.set(id, {
      id,
      profile: 'adopted-2024',
      title: e.title,
      text: e.text ?? null,
      summary: e.summary ?? null,
      trust: e.trust,
      source: e.source,
    })
  }
  return out
}

const CATALOGS: Readonly<Record<ProfileId, ReadonlyMap<string, Provision>>> = {
  'zero-draft-2023': draftCatalog('zero-draft-2023'),
  'ohchr-2023': draftCatalog('ohchr-2023'),
  'adopted-2024': adoptedCatalog(),
}

export function findProvision(profile: ProfileId, id: string): Provision | undefined {
  return CATALOGS[profile].get(id)
}

/** The provision, or ERR_UNKNOWN_PROVISION. */
export function provision(profile: ProfileId, id: string): Provision {
  if (!isCitation(id)) {
    throw new RogatoryError('ERR_INVALID_CITATION', `not a citation: ${JSON.stringify(id)}`, {
      path: 'id',
    })
  }
  const p = CATALOGS[profile].get(id)
  if (!p) {
    throw new RogatoryError('ERR_UNKNOWN_PROVISION', `${id} is not held for ${profile}`, {
      path: 'id',
    })
  }
  return p
}

/** The items directly or indirectly under `id` (e.g. 40(21)(a)–(d) under 40(21)), in treaty order. */
export function childrenOf(profile: ProfileId, id: string): Provision[] {
  const depth = citationParts(id).length
  return [...CATALOGS[profile].values()]
    .filter((p) => p.id.startsWith(`${id}(`) && citationParts(p.id).length === depth + 1)
    .sort((a, b) => compareIds(a.id, b.id))
}

export function listProvisions(profile: ProfileId): Provision[] {
  return [...CATALOGS[profile].values()].sort((a, b) => compareIds(a.id, b.id))
}

function compareIds(a: string, b: string): number {
  const pa = citationParts(a)
  const pb = citationParts(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const nx = Number(x)
    const ny = Number(y)
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny
    if (c !== 0) return c
  }
  return 0
}

const trustCache = new Map<string, TrustMark>()

/**
 * Trust mark of a citation under a profile: the provision's own mark, else
 * its nearest ancestor's; adopted paragraphs inside Arts 37–46 are
 * unverified whatever the article's mark (profiles.md §1). Unknown → unverified.
 */
export function citationTrust(profile: ProfileId, citation: string): TrustMark {
  const key = `${profile}|${citation}`
  const hit = trustCache.get(key)
  if (hit) return hit
  let mark: TrustMark = 'unverified'
  const own = CATALOGS[profile].get(citation)
  if (own) mark = own.trust
  else if (!(profile === 'adopted-2024' && isAdoptedParagraphInCooperation(citation))) {
    for (const a of citationAncestors(citation)) {
      const p = CATALOGS[profile].get(a)
      if (p) {
        mark = p.trust
        break
      }
    }
  }
  trustCache.set(key, mark)
  return mark
}

function isAdoptedParagraphInCooperation(citation: string): boolean {
  const parts = citationParts(citation)
  const article = Number(parts[0])
  return parts.length > 1 && article >= 37 && article <= 46
}
