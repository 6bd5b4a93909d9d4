/** Test builders over the fictional registry in examples/registry.json (the same world as the scenarios). */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseRegistry } from '../src/registry/load.js'
import { mergeRegistry } from '../src/registry/merge.js'
import type { Registry } from '../src/registry/registry.js'
import { answer } from '../src/treaty/engine/answer.js'
import type { Assessment } from '../src/treaty/engine/assessment.js'
import type { ProfileId } from '../src/treaty/profile.js'
import {
  type Findings,
  findingsSchema,
  type Question,
  type Request,
  requestSchema,
} from '../src/treaty/question-schema.js'

export const REGISTRY_FILE = fileURLToPath(new URL('../examples/registry.json', import.meta.url))
export const RAW_REGISTRY: unknown = JSON.parse(readFileSync(REGISTRY_FILE, 'utf8'))
export const REGISTRY: Registry = parseRegistry(RAW_REGISTRY)

export const registryWith = (overrides: unknown): Registry =>
  parseRegistry(mergeRegistry(RAW_REGISTRY, overrides))

export const FULL_MLA_FIELDS = {
  requestingAuthority: 'Public Prosecutor, Cybercrime Section',
  subjectMatter: 'Investigation 2027/114',
  factsSummary: 'Payments diverted with stolen credentials.',
  assistanceSought: 'Subscriber information for account 88231.',
  personsConcerned: 'Holder of account 88231.',
  purposeAndPeriod: 'Identification; March to May 2027.',
}

export const PRESERVATION_FIELDS = {
  requestingAuthority: 'National Cybercrime Unit',
  offenceAndFacts: 'Computer fraud; payments diverted.',
  dataToPreserve: 'Login records of account 88231.',
  custodianOrLocation: 'Example Mail Ltd',
  necessity: 'Records are deleted after 30 days.',
  intentToSubmitMla: 'An MLA request will follow.',
}

export const REALTIME_FIELDS = {
  requestingAuthority: 'Public Prosecutor',
  factsSummary: 'Ongoing extortion campaign.',
  dataConcerned: 'Traffic data of address 10.0.0.1 (fictional).',
  justification: 'Identifies the command server.',
  collectionPeriod: 'Thirty days.',
}

export function request(over: Partial<Request> & { type?: Request['type'] } = {}): Request {
  return requestSchema.parse({
    type: 'mla',
    from: 'XAR',
    to: 'XBO',
    offence: 'XAR-PC-302',
    conduct: ['computer-fraud'],
    language: 'en',
    fields: FULL_MLA_FIELDS,
    ...over,
  })
}

export const findings = (over: Partial<Findings> = {}): Findings => findingsSchema.parse(over)

export interface AskOptions {
  profile?: ProfileId
  asOf?: string
  registry?: Registry
}

export function ask(question: Question, o: AskOptions = {}): Assessment {
  return answer(question, {
    profile: o.profile ?? 'adopted-2024',
    asOf: o.asOf ?? '2027-06-01',
    registry: o.registry ?? REGISTRY,
  })
}

export function assess(req: Request, f: Findings = findings(), o: AskOptions = {}): Assessment {
  return ask({ kind: 'assess-request', request: req, findings: f }, o)
}

/** `{code: mandatory}` for compact assertions. */
export const groundsOf = (a: Assessment): Record<string, boolean> =>
  Object.fromEntries(a.grounds.map((g) => [g.code, g.mandatory]))

export const citesOf = (a: Assessment, code: string): readonly string[] =>
  a.grounds.find((g) => g.code === code)?.cites ?? []

/** An MLA request from XAR to XBO as a node client sends it (the sender is the node's own State). */
export const mlaDraft = (over: Record<string, unknown> = {}) => ({
  type: 'mla',
  to: 'XBO',
  offence: 'XAR-PC-302',
  conduct: ['computer-fraud'],
  language: 'en',
  fields: FULL_MLA_FIELDS,
  ...over,
})

/** The payload of a `request` message from XAR to XBO, as a node seals it. */
export const requestMessagePayload = () => ({
  request: requestSchema.parse({ ...mlaDraft(), from: 'XAR' }),
  profile: 'adopted-2024',
  responseDue: null,
})
