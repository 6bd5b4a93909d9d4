/**
 * @module treaty/safeguards
 *
 * What each text profile offers as safeguards, read off the rule book:
 * every ground for refusal a rule can raise (and whether it is mandatory
 * anywhere) and every obligation a rule can impose, per profile, with the
 * paragraphs cited. `lacking(p)` lists what the other texts have and `p`
 * does not — the country review report's "safeguards its profile lacks".
 */

import { PROFILES, type ProfileId } from './profile.js'
import { RULE_BOOK } from './rules/rule-book.js'

export interface Safeguard {
  /** `ground:<code>`, `ground:<code> (mandatory)` or `obligation:<code>`. */
  readonly key: string
  readonly cites: readonly string[]
}

function offered(profile: ProfileId): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const r of RULE_BOOK.rules) {
    if (!r.profiles.includes(profile)) continue
    const e = r.effect
    const keys =
      e.kind === 'ground'
        ? [`ground:${e.ground}`, ...(e.mandatory ? [`ground:${e.ground} (mandatory)`] : [])]
        : e.kind === 'obligation'
          ? [`obligation:${e.obligation}`]
          : []
    const cites = typeof r.cites === 'function' ? [] : r.cites
    for (const k of keys) {
      if (!out.has(k)) out.set(k, new Set())
      for (const c of cites) out.get(k)!.add(c)
    }
  }
  return out
}

const OFFERED = Object.fromEntries(PROFILES.map((p) => [p, offered(p)])) as Record<
  ProfileId,
  Map<string, Set<string>>
>

/** Safeguards some other profile offers and `profile` does not, with the other profiles' citations. */
export function lacking(
  profile: ProfileId,
): { key: string; offeredBy: { profile: ProfileId; cites: string[] }[] }[] {
  const mine = OFFERED[profile]
  const keys = new Set(PROFILES.flatMap((p) => [...OFFERED[p].keys()]))
  return [...keys]
    .filter((k) => !mine.has(k))
    .sort()
    .map((key) => ({
      key,
      offeredBy: PROFILES.filter((p) => OFFERED[p].has(key)).map((p) => ({
        profile: p,
        cites: [...OFFERED[p].get(key)!].sort(),
      })),
    }))
}
