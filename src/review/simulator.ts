/**
 * @module review/simulator
 *
 * The profile simulator: re-assess a set of requests under each text
 * profile and show what would change — the question the seeds argue about
 * (what would OHCHR's amendments have changed?). For each pair of profiles:
 * how many outcomes change and how, which grounds drive the change (a
 * ground present under one text and not the other), and which State pairs
 * are affected most. Pure: the engine's own `answer`, request by request.
 */
import type { Registry } from '../registry/registry.js'
import type { Outcome } from '../treaty/codes.js'
import { answer } from '../treaty/engine/answer.js'
import { PROFILES, type ProfileId } from '../treaty/profile.js'
import type { Findings, Request } from '../treaty/question-schema.js'

export interface SimulationInput {
  readonly request: Request
  readonly findings: Findings
}

export interface PairResult {
  readonly from: ProfileId
  readonly to: ProfileId
  readonly changed: number
  /** "may-refuse → must-refuse": count. */
  readonly moves: Record<string, number>
  /** Grounds present under `to` but not `from` (+) and the reverse (−), over the changed requests. */
  readonly drivers: Record<string, { added: number; removed: number }>
  readonly statePairs: Record<string, number>
}

export interface SimulationResult {
  readonly n: number
  readonly errors: number
  readonly outcomes: Record<ProfileId, Record<string, number>>
  readonly pairs: PairResult[]
}

export const PROFILE_PAIRS: readonly [ProfileId, ProfileId][] = [
  ['zero-draft-2023', 'ohchr-2023'],
  ['zero-draft-2023', 'adopted-2024'],
  ['ohchr-2023', 'adopted-2024'],
]

const inc = (m: Record<string, number>, k: string, by = 1) => {
  m[k] = (m[k] ?? 0) + by
}

function driver(pr: PairResult, ground: string): { added: number; removed: number } {
  pr.drivers[ground] ??= { added: 0, removed: 0 }
  return pr.drivers[ground]
}

export function simulate(
  inputs: Iterable<SimulationInput>,
  o: { registry: Registry; asOf: string; progress?: (done: number) => void },
): SimulationResult {
  const outcomes = Object.fromEntries(PROFILES.map((p) => [p, {}])) as Record<
    ProfileId,
    Record<string, number>
  >
  const pairs = PROFILE_PAIRS.map(
    ([from, to]) =>
      ({ from, to, changed: 0, moves: {}, drivers: {}, statePairs: {} }) as PairResult,
  )
  let n = 0
  let errors = 0
  for (const input of inputs) {
    n++
    const per = {} as Record<ProfileId, { outcome: Outcome; grounds: Set<string> }>
    try {
      for (const profile of PROFILES) {
        const a = answer(
          { kind: 'assess-request', request: input.request, findings: input.findings },
          { profile, asOf: o.asOf, registry: o.registry },
        )
        per[profile] = {
          outcome: a.outcome!,
          grounds: new Set(a.grounds.map((g) => `${g.code}${g.mandatory ? ' (mandatory)' : ''}`)),
        }
        inc(outcomes[profile], a.outcome!)
      }
    } catch {
      errors++
      continue
    }
    for (const pr of pairs) {
      const a = per[pr.from]
      const b = per[pr.to]
      if (a.outcome === b.outcome) continue
      ;(pr as { changed: number }).changed++
      inc(pr.moves, `${a.outcome} → ${b.outcome}`)
      inc(pr.statePairs, `${input.request.from} → ${input.request.to}`)
      for (const g of b.grounds) if (!a.grounds.has(g)) driver(pr, g).added++
      for (const g of a.grounds) if (!b.grounds.has(g)) driver(pr, g).removed++
    }
    if (n % 1000 === 0) o.progress?.(n)
  }
  if (n % 1000 !== 0) o.progress?.(n)
  return { n, errors, outcomes, pairs }
}
