/**
 * @module bench/simulate
 *
 * `npm run bench`, fourth table: the profile simulator on 100,000
 * synthetic requests (three assessments each), against the engine's own
 * assessments/s on the same synthetic requests, measured in the same run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXAMPLES_DIR } from '../cli/commands/demo.js'
import { progressBar } from '../cli/progress.js'
import { parseRegistry } from '../registry/load.js'
import { synthetic } from '../review/simulation-input.js'
import { simulate } from '../review/simulator.js'
import { answer } from '../treaty/engine/answer.js'
import { PROFILES } from '../treaty/profile.js'

const registry = parseRegistry(
  JSON.parse(readFileSync(join(EXAMPLES_DIR, 'registry.json'), 'utf8')),
)
const asOf = '2027-06-01'
const N = 100_000

process.stderr.write(
  'Rogatory simulator bench\n  engine alone on 20,000 synthetic requests × 3 texts…\n',
)
const sample = [...synthetic(registry, 20_000, 99)]
let t = performance.now()
for (const s of sample)
  for (const profile of PROFILES)
    answer(
      { kind: 'assess-request', request: s.request, findings: s.findings },
      { profile, asOf, registry },
    )
const engine = (sample.length * PROFILES.length) / ((performance.now() - t) / 1000)

process.stderr.write(`  simulate ${N.toLocaleString('en-US')} synthetic requests…\n`)
const bar = progressBar('requests')
t = performance.now()
const r = simulate(synthetic(registry, N, 2027), { registry, asOf, progress: (d) => bar(d, N) })
const secs = (performance.now() - t) / 1000
const sim = (r.n * PROFILES.length) / secs

console.log('| operation | this machine | ratio |')
console.log('|---|---|---|')
console.log(
  `| engine assessments/s (synthetic requests, trail built) | ${Math.round(engine).toLocaleString('en-US')} | 1.00 |`,
)
console.log(
  `| simulate: ${N.toLocaleString('en-US')} requests × 3 texts in ${secs.toFixed(2)} s, assessments/s (generation and aggregation included) | ${Math.round(sim).toLocaleString('en-US')} | ${(sim / engine).toFixed(2)} of the engine |`,
)
