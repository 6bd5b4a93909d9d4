/**
 * @module review/simulation-input
 *
 * Requests for the simulator, from three sources: a CSV file a user
 * supplies (one request per row; columns in docs/statistics.md), JSON lines
 * (one `{ request, findings? }` or request object per line), and a seeded
 * synthetic mix drawn from the register. Every row is validated with the
 * engine's own schema; a bad row is an error naming its line and column.
 */
import { parse } from 'csv-parse/sync'
import { RogatoryError } from '../errors/rogatory-error.js'
import { seededRandom } from '../lib/seeded-random.js'
import { fromZodError } from '../lib/zod-error.js'
import type { Registry } from '../registry/registry.js'
import { REQUEST_TYPES } from '../treaty/codes.js'
import { requiredFieldSpecs } from '../treaty/engine/required-fields.js'
import { PROFILES } from '../treaty/profile.js'
import { findingsSchema, requestSchema } from '../treaty/question-schema.js'
import type { SimulationInput } from './simulator.js'

/** Every required field of a type under any profile, filled, so that a row marked complete is complete under all three. */
function completeFields(type: (typeof REQUEST_TYPES)[number]): Record<string, string> {
  const keys = new Set(PROFILES.flatMap((p) => requiredFieldSpecs(p, type).map((f) => f.key)))
  return Object.fromEntries([...keys].map((k) => [k, '(given)']))
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : []
const flag = (v: string | undefined) => /^(1|true|yes|y)$/i.test(v?.trim() ?? '')

export function fromCsv(text: string, file = 'input'): SimulationInput[] {
  let rows: Record<string, string>[]
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[]
  } catch (e) {
    throw new RogatoryError('ERR_INPUT_INVALID', `not CSV: ${(e as Error).message}`, { file })
  }
  return rows.map((row, i) => {
    const where = `line ${i + 2}`
    const type = row.type as (typeof REQUEST_TYPES)[number]
    const complete = row.complete === undefined || row.complete === '' || flag(row.complete)
    const r = requestSchema.safeParse({
      type,
      from: row.from,
      to: row.to,
      offence: row.offence || null,
      conduct: list(row.conduct),
      language: row.language || 'en',
      channel: row.channel || 'central-authority',
      urgent: flag(row.urgent),
      fields:
        complete && (REQUEST_TYPES as readonly string[]).includes(type) ? completeFields(type) : {},
    })
    if (!r.success) throw fromZodError('ERR_INPUT_INVALID', r.error, `${file} ${where}`)
    const f = findingsSchema.safeParse({
      politicalOffence: flag(row.politicalOffence),
      discriminationGrounds: list(row.discriminationGrounds),
      humanRightsRisk: row.humanRightsRisk || null,
      dataProtectionBars: flag(row.dataProtectionBars),
      essentialInterests: flag(row.essentialInterests),
    })
    if (!f.success) throw fromZodError('ERR_INPUT_INVALID', f.error, `${file} ${where}`)
    return { request: r.data, findings: f.data }
  })
}

export function fromJsonLines(text: string, file = 'input'): SimulationInput[] {
  return text
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== '')
    .map(([line, n]) => {
      let v: { request?: unknown; findings?: unknown }
      try {
        v = JSON.parse(line)
      } catch {
        throw new RogatoryError('ERR_INPUT_JSON', `line ${n} is not JSON`, { file })
      }
      const raw = v.request ?? v
      const r = requestSchema.safeParse(raw)
      if (!r.success) throw fromZodError('ERR_INPUT_INVALID', r.error, `${file} line ${n}`)
      const f = findingsSchema.safeParse(v.request ? (v.findings ?? {}) : {})
      if (!f.success) throw fromZodError('ERR_INPUT_INVALID', f.error, `${file} line ${n} findings`)
      return { request: r.data, findings: f.data }
    })
}

const SYNTHETIC_TYPES = [
  'mla',
  'mla',
  'mla',
  'preservation',
  'stored-data',
  'realtime-traffic',
  'interception',
  'extradition',
  'emergency-disclosure',
] as const

/** A seeded mix of requests between the register's States, most complete, a few with findings that raise grounds. */
export function* synthetic(registry: Registry, n: number, seed = 2027): Generator<SimulationInput> {
  const random = seededRandom(seed)
  const states = registry.document.states.filter((s) => s.offences.length > 0)
  const all = registry.document.states
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  for (let i = 0; i < n; i++) {
    const from = pick(states)
    const to = pick(all.filter((s) => s.code !== from.code))
    const offence = pick(from.offences)
    const type = pick(SYNTHETIC_TYPES)
    const request = requestSchema.parse({
      type,
      from: from.code,
      to: to.code,
      offence: offence.code,
      conduct: offence.conduct,
      language: 'en',
      channel: type === 'emergency-disclosure' ? '24/7' : 'central-authority',
      urgent: type === 'emergency-disclosure',
      fields: random() < 0.9 ? completeFields(type) : {},
    })
    const findings = findingsSchema.parse({
      politicalOffence: random() < 0.04,
      humanRightsRisk: random() < 0.03 ? 'risk of torture in detention (fictional)' : null,
      discriminationGrounds:
        random() < 0.03 ? [random() < 0.5 ? 'political-opinion' : 'sexual-orientation'] : [],
    })
    yield { request, findings }
  }
}
