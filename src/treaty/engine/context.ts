/**
 * @module treaty/engine/context
 *
 * The facts an assess-request or onward-transfer question is decided on:
 * the question itself, the registry entries it names, and the derived facts
 * of profiles.md §2–§4 (party status, Convention offences, dual
 * criminality, serious crime), computed once per assessment.
 */
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { IsoDate } from '../../lib/iso-date.js'
import type { Registry, StateView } from '../../registry/registry.js'
import type { OffenceRecord } from '../../registry/schema.js'
import type { ConductCode, GroundCode, ObligationCode, RequestType } from '../codes.js'
import { isConventionOffence } from '../convention-offences.js'
import { type StateStatus, stateStatus } from '../party-status.js'
import type { ProfileId } from '../profile.js'
import type { Findings, Request } from '../question-schema.js'
import { requiredFields } from './required-fields.js'

/** Art 2(h): "a maximum deprivation of liberty of at least four years". */
export const SERIOUS_CRIME_MONTHS = 48
/** Art 37(1): "a maximum deprivation of liberty of at least one year". */
export const EXTRADITION_MONTHS = 12
/** Art 37(1): "at least six months of the sentence remains to be served". */
export const SENTENCE_REMAINING_MONTHS = 6

/** What a rule is about: a request type, or the onward transfer of received data. */
export type Subject = RequestType | 'onward-transfer'

export interface SeriousCrime {
  readonly ok: boolean
  /** The requesting offence's maximum is ≥ 48 months (Art 2(h)). */
  readonly penaltyOk: boolean
  /** ohchr-2023 only: the conduct caused death or serious bodily harm (2(h) insertion). */
  readonly harmOk: boolean
  /** ohchr-2023 only: serious in the requested State too (35(2) insertion). */
  readonly requestedPenaltyOk: boolean
}

export interface DualCriminality {
  readonly ok: boolean
  /** Conduct codes no offence of the requested State covers. */
  readonly uncovered: readonly ConductCode[]
}

export interface Context {
  readonly profile: ProfileId
  readonly registry: Registry
  readonly asOf: IsoDate
  readonly subject: Subject
  readonly request: Request
  readonly findings: Findings
  readonly from: StateView
  readonly to: StateView
  readonly fromStatus: StateStatus
  readonly toStatus: StateStatus
  /** The requesting State's offence, or null when none is named (profiles.md §12.12). */
  readonly offence: OffenceRecord | null
  readonly conventionConduct: readonly ConductCode[]
  readonly dualCriminality: DualCriminality
  readonly serious: SeriousCrime
  readonly missingFields: readonly string[]
  /** Filled by the engine as phases run: grounds and obligations decided so far. */
  readonly grounds: Map<GroundCode, { mandatory: boolean; cites: string[] }>
  readonly obligations: Set<ObligationCode>
  /** Extra facts for onward transfer. */
  readonly onward?: { readonly to: string; readonly written: boolean; readonly authorized: boolean }
}

/** Every conduct code is covered by an offence of `state` with at least `months` (profiles.md §12.3). */
export function coversAll(
  state: StateView,
  conduct: readonly ConductCode[],
  months: number,
): boolean {
  for (const c of conduct) {
    const max = state.conductMaxPenalty.get(c)
    if (max === undefined || max === null || max < months) return false
  }
  return true
}

function dualCriminality(to: StateView, conduct: readonly ConductCode[]): DualCriminality {
  const uncovered = conduct.filter((c) => !to.conductMaxPenalty.has(c))
  return { ok: uncovered.length === 0, uncovered }
}

function seriousCrime(
  profile: ProfileId,
  offence: OffenceRecord | null,
  to: StateView,
  conduct: readonly ConductCode[],
  findings: Findings,
): SeriousCrime {
  const penaltyOk = offence !== null && (offence.maxPenaltyMonths ?? -1) >= SERIOUS_CRIME_MONTHS
  if (profile !== 'ohchr-2023') {
    return { ok: penaltyOk, penaltyOk, harmOk: true, requestedPenaltyOk: true }
  }
  const harmOk = findings.deathOrSeriousHarm
  const requestedPenaltyOk = coversAll(to, conduct, SERIOUS_CRIME_MONTHS)
  return { ok: penaltyOk && harmOk && requestedPenaltyOk, penaltyOk, harmOk, requestedPenaltyOk }
}

export interface ContextInput {
  profile: ProfileId
  registry: Registry
  asOf: IsoDate
  request: Request
  findings: Findings
}

/** Build the context of an assess-request question; unknown States or offences are input errors naming the key. */
export function requestContext(input: ContextInput): Context {
  const { profile, registry, asOf, request, findings } = input
  const from = registry.state(request.from, 'question.request.from')
  const to = registry.state(request.to, 'question.request.to')
  if (from.code === to.code) {
    throw new RogatoryError('ERR_INPUT_INVALID', 'requesting and requested State are the same', {
      path: 'question.request.to',
    })
  }
  let offence: OffenceRecord | null = null
  if (request.offence !== null) {
    offence = from.offenceByCode.get(request.offence) ?? null
    if (!offence) {
      throw new RogatoryError(
        'ERR_UNKNOWN_OFFENCE',
        `offence ${JSON.stringify(request.offence)} is not in the catalogue of ${from.code}`,
        { path: 'question.request.offence' },
      )
    }
  }
  const conventionConduct = request.conduct.filter(isConventionOffence)
  return {
    profile,
    registry,
    asOf,
    subject: request.type,
    request,
    findings,
    from,
    to,
    fromStatus: stateStatus(registry, from, asOf),
    toStatus: stateStatus(registry, to, asOf),
    offence,
    conventionConduct,
    dualCriminality: dualCriminality(to, request.conduct),
    serious: seriousCrime(profile, offence, to, request.conduct, findings),
    missingFields: missing(request, requiredFields(profile, request.type)),
    grounds: new Map(),
    obligations: new Set(),
  }
}

/** profiles.md §6: "A field is missing when absent, null or blank." */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

function missing(request: Request, required: readonly string[]): readonly string[] {
  return required.filter((key) => isBlank(request.fields[key]))
}
