/**
 * @module bench/run
 *
 * `npm run bench`: assessments per second on one core, with the
 * explanation trail built, and the p99 latency of one assessment, against
 * the floor of a JSON.parse of the same question on the same machine in
 * the same run. Results go in docs/performance.md with this command.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { EXAMPLES_DIR } from '../cli/commands/demo.js'
import { parseRegistry } from '../registry/load.js'
import { questionFileSchema } from '../scenario/schema.js'
import { answer } from '../treaty/engine/answer.js'
import { PROFILES } from '../treaty/profile.js'
import type { Question } from '../treaty/question-schema.js'

const registry = parseRegistry(
  JSON.parse(readFileSync(join(EXAMPLES_DIR, 'registry.json'), 'utf8')),
)
const dir = join(EXAMPLES_DIR, 'requests')
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
const questions: Question[] = texts.map((t) => questionFileSchema.parse(JSON.parse(t)).question)
const cases = questions.flatMap((q) => PROFILES.map((profile) => ({ q, profile })))

const log = (s: string) => process.stderr.write(`${s}\n`)

/** Runs `fn` in a loop for about `ms` milliseconds; returns operations per second. */
function throughput(label: string, ms: number, fn: (i: number) => unknown): number {
  log(`  measuring ${label} for ${ms} ms…`)
  let n = 0
  let sink = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let k = 0; k < 500; k++, n++) sink += fn(n) ? 1 : 0
    now = performance.now()
  }
  if (sink < 0) log('unreachable')
  return (n / (now - start)) * 1000
}

function latencies(
  samples: number,
  fn: (i: number) => unknown,
): { p50: number; p99: number; max: number } {
  log(`  sampling ${samples} single-assessment latencies…`)
  const t = new Float64Array(samples)
  for (let i = 0; i < samples; i++) {
    const a = process.hrtime.bigint()
    fn(i)
    t[i] = Number(process.hrtime.bigint() - a) / 1000
  }
  t.sort()
  const at = (q: number) => t[Math.min(samples - 1, Math.floor(q * samples))]!
  return { p50: at(0.5), p99: at(0.99), max: t[samples - 1]! }
}

const assessOne = (i: number) => {
  const c = cases[i % cases.length]!
  return answer(c.q, { profile: c.profile, asOf: '2027-06-01', registry }).trail.length
}
const parseOne = (i: number) => (JSON.parse(texts[i % texts.length]!) as object) !== null
const endToEnd = (i: number) => {
  const c = cases[i % cases.length]!
  const q = questionFileSchema.parse(
    JSON.parse(texts[((i / PROFILES.length) % texts.length) | 0]!),
  ).question
  return answer(q, { profile: c.profile, asOf: '2027-06-01', registry }).trail.length
}

log(
  `Rogatory bench — node ${process.version}, ${cpus()[0]?.model ?? 'cpu'}, one core (single thread)`,
)
log(
  `  workload: ${questions.length} example questions × ${PROFILES.length} profiles, trail built every time`,
)
log('  warming up…')
throughput('warm-up', 1500, assessOne)
const floor = throughput('JSON.parse of the question (floor)', 2000, parseOne)
const engine = throughput('assessment with trail', 3000, assessOne)
const e2e = throughput('parse + validate + assess', 2000, endToEnd)
const lat = latencies(100_000, assessOne)

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const rows = [
  ['JSON.parse of the question (floor)', fmt(floor), '1.00'],
  ['assessment with explanation trail', fmt(engine), (engine / floor).toFixed(2)],
  ['parse + zod validation + assessment', fmt(e2e), (e2e / floor).toFixed(2)],
]
console.log('| operation | ops/s (one core) | ratio to JSON.parse |')
console.log('|---|---|---|')
for (const r of rows) console.log(`| ${r.join(' | ')} |`)
console.log('')
console.log(
  `assessment latency: p50 ${lat.p50.toFixed(1)} µs, p99 ${lat.p99.toFixed(1)} µs, max ${lat.max.toFixed(0)} µs`,
)
console.log(
  `goal ≥ 100,000 assessments/s: ${engine >= 100_000 ? 'met' : 'NOT met'} (${fmt(engine)}/s)`,
)
