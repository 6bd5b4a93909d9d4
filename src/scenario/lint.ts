/**
 * @module scenario/lint
 *
 * `rogatory scenarios lint`: checks a scenario directory without judging
 * the answers. Each file must be valid, name known States and offences, and
 * its `expect` must be consistent with FORMAT.md and profiles.md.
 */
import { basename } from 'node:path'
import { isRogatoryError } from '../errors/rogatory-error.js'
import { loadRegistryRaw } from '../registry/load.js'
import { citationParts } from '../treaty/citation.js'
import type { GroundCode } from '../treaty/codes.js'
import { outcomeOf } from '../treaty/engine/assessment.js'
import { answerLoaded, loadScenario, resolveRegistryFile, scenarioFiles } from './load.js'
import type { Scenario } from './schema.js'

export interface LintProblem {
  readonly file: string
  readonly message: string
}

const SCOPE_GROUNDS: ReadonlySet<GroundCode> = new Set([
  'not-party',
  'not-in-force',
  'out-of-scope',
])
const FILE_NAME = /^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/

export async function lintScenarios(dir: string, registryFile?: string) {
  const base = await loadRegistryRaw(await resolveRegistryFile(dir, registryFile))
  const files = await scenarioFiles(dir)
  const problems: LintProblem[] = []
  const ids = new Map<string, string>()
  for (const file of files) {
    const add = (message: string) => problems.push({ file, message })
    if (!FILE_NAME.test(basename(file))) add('file name should be NNN-short-name.json')
    try {
      const loaded = await loadScenario(file, base)
      const s = loaded.doc
      const seen = ids.get(s.id)
      if (seen) add(`id ${JSON.stringify(s.id)} is also used by ${seen}`)
      else ids.set(s.id, file)
      for (const m of expectProblems(s)) add(m)
      answerLoaded(loaded)
    } catch (e) {
      if (!isRogatoryError(e)) throw e
      add(e.toLine())
    }
  }
  return { files: files.length, problems }
}

/** Consistency of `expect` with the format, independent of the engine. */
export function expectProblems(s: Scenario): string[] {
  const out: string[] = []
  const e = s.expect
  const dateQuestion =
    s.question.kind === 'entry-into-force' || s.question.kind === 'preservation-period'
  if (dateQuestion) {
    if (e.outcome !== undefined || e.grounds !== undefined)
      out.push('date questions answer with expect.dates, not outcome or grounds')
    if (e.dates === undefined) out.push('date questions need expect.dates')
    return out
  }
  if (e.outcome === undefined) out.push('expect.outcome is required for this question kind')
  const grounds = e.grounds ?? []
  if (e.outcome !== undefined && e.grounds !== undefined) {
    const scope = grounds.some((g) => SCOPE_GROUNDS.has(g.code))
    const want = scope ? 'inapplicable' : outcomeOf(grounds)
    if (e.outcome !== want)
      out.push(`expect.outcome ${e.outcome} is inconsistent with its grounds (they give ${want})`)
    if (scope && grounds.some((g) => !SCOPE_GROUNDS.has(g.code))) {
      out.push('an inapplicable answer reports scope grounds only (profiles.md §3)')
    }
  }
  if (s.profile === 'adopted-2024') {
    for (const g of grounds) {
      for (const c of g.cites) {
        const parts = citationParts(c)
        const art = Number(parts[0])
        if (parts.length > 1 && art >= 35 && art <= 46) {
          out.push(
            `grounds[${g.code}] cites ${c}: adopted paragraph numbers in Arts 35–46 are unverified, cite the article (profiles.md §1)`,
          )
        }
      }
    }
  }
  return out
}
