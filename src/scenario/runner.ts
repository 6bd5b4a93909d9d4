/**
 * @module scenario/runner
 *
 * FORMAT.md's runner: every scenario of a directory against the registry,
 * one line per failure, then exactly `N passed, M failed`. Malformed files
 * are reported with their path and offending key, and count as failed.
 */
import { isRogatoryError } from '../errors/rogatory-error.js'
import { loadRegistryRaw } from '../registry/load.js'
import { compareAnswer, type Mismatch } from './compare.js'
import { answerLoaded, loadScenario, resolveRegistryFile, scenarioFiles } from './load.js'

export type ScenarioResult =
  | { readonly file: string; readonly id: string; readonly status: 'passed' }
  | {
      readonly file: string
      readonly id: string
      readonly status: 'failed'
      readonly mismatches: Mismatch[]
    }
  | {
      readonly file: string
      readonly status: 'invalid'
      readonly error: string
      readonly code: string
    }

export interface RunSummary {
  readonly results: ScenarioResult[]
  readonly passed: number
  readonly failed: number
  readonly invalid: number
}

export async function runScenarios(dir: string, registryFile?: string): Promise<RunSummary> {
  const regFile = await resolveRegistryFile(dir, registryFile)
  const baseRegistry = await loadRegistryRaw(regFile)
  const results: ScenarioResult[] = []
  for (const file of await scenarioFiles(dir)) results.push(await runOne(file, baseRegistry))
  const passed = results.filter((r) => r.status === 'passed').length
  const invalid = results.filter((r) => r.status === 'invalid').length
  return { results, passed, failed: results.length - passed, invalid }
}

async function runOne(file: string, baseRegistry: unknown): Promise<ScenarioResult> {
  try {
    const loaded = await loadScenario(file, baseRegistry)
    const mismatches = compareAnswer(loaded.doc.expect, answerLoaded(loaded))
    return mismatches.length === 0
      ? { file, id: loaded.doc.id, status: 'passed' }
      : { file, id: loaded.doc.id, status: 'failed', mismatches }
  } catch (e) {
    if (!isRogatoryError(e)) throw e
    return { file, status: 'invalid', error: e.toLine(), code: e.code }
  }
}

const show = (v: unknown): string => JSON.stringify(v)

/** The runner's output lines: failures first, the closing line last. */
export function formatRun(summary: RunSummary): string[] {
  const lines: string[] = []
  for (const r of summary.results) {
    if (r.status === 'failed') {
      for (const m of r.mismatches) {
        lines.push(`FAIL ${r.id}: ${m.field}: expected ${show(m.expected)}, got ${show(m.got)}`)
      }
    } else if (r.status === 'invalid') {
      lines.push(`INVALID ${r.error}`)
    }
  }
  lines.push(`${summary.passed} passed, ${summary.failed} failed`)
  return lines
}
