/** `rogatory simulate FILE | --synthetic N`: every request re-assessed under the three texts, and what changes. */
import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { isIsoDate } from '../../lib/iso-date.js'
import { loadRegistryRaw, parseRegistry } from '../../registry/load.js'
import { renderSimulation } from '../../review/render-simulation.js'
import { fromCsv, fromJsonLines, synthetic } from '../../review/simulation-input.js'
import { simulate } from '../../review/simulator.js'
import { action, print, printJson } from '../io.js'
import { progressBar } from '../progress.js'
import { EXAMPLES_DIR } from './demo.js'

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      're-assess a set of requests under each text profile: how many outcomes change, why, and for which State pairs',
    )
    .argument('[file]', 'requests as CSV (docs/statistics.md) or JSON lines (.jsonl)')
    .option('--synthetic <n>', 'a seeded synthetic mix of n requests instead of a file')
    .option('--seed <n>', 'seed of the synthetic mix', '2027')
    .option('--registry <file>', 'registry', `${EXAMPLES_DIR}registry.json`)
    .option(
      '--as-of <date>',
      'date to assess as of (the bundled fictional registry: 2027-06-01)',
      '2027-06-01',
    )
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          file: string | undefined,
          o: { synthetic?: string; seed: string; registry: string; asOf: string; json?: boolean },
        ) => {
          if (!isIsoDate(o.asOf))
            throw new RogatoryError('ERR_INPUT_INVALID', 'expected YYYY-MM-DD', { path: '--as-of' })
          const registry = parseRegistry(await loadRegistryRaw(o.registry))
          let inputs: Iterable<import('../../review/simulator.js').SimulationInput>
          let total: number
          if (o.synthetic !== undefined) {
            total = Number(o.synthetic)
            if (!Number.isInteger(total) || total < 1 || total > 10_000_000)
              throw new RogatoryError('ERR_INPUT_INVALID', 'between 1 and 10,000,000', {
                path: '--synthetic',
              })
            inputs = synthetic(registry, total, Number(o.seed))
          } else if (file) {
            const text = await readFile(file, 'utf8').catch(() => {
              throw new RogatoryError('ERR_FILE_NOT_FOUND', 'cannot read the requests', { file })
            })
            const list = /\.jsonl?$/i.test(file) ? fromJsonLines(text, file) : fromCsv(text, file)
            inputs = list
            total = list.length
          } else
            throw new RogatoryError('ERR_INPUT_INVALID', 'give a FILE or --synthetic N', {
              path: 'file',
            })
          const bar = progressBar('requests × 3 texts')
          const started = performance.now()
          const r = simulate(inputs, { registry, asOf: o.asOf, progress: (d) => bar(d, total) })
          const secs = (performance.now() - started) / 1000
          if (o.json) printJson({ ...r, seconds: secs })
          else
            print([
              ...renderSimulation(r),
              `${r.n.toLocaleString('en-US')} requests in ${secs.toFixed(1)} s (${Math.round(r.n / secs).toLocaleString('en-US')} requests/s, ${Math.round((3 * r.n) / secs).toLocaleString('en-US')} assessments/s)`,
            ])
          return 0
        },
      ),
    )
}
