/**
 * @module registry/registry
 *
 * The registry as the engine reads it: States, their dates, authorities and
 * offence catalogues, indexed once so that an assessment does no scanning.
 * Pure: built from a validated document, no I/O.
 */
import { RogatoryError } from '../errors/rogatory-error.js'
import type { ConductCode } from '../treaty/codes.js'
import type { OffenceRecord, RegistryDocument, StateRecord } from './schema.js'

export interface StateView extends StateRecord {
  /** Highest maximum penalty (months) per conduct code; `null` when covered only by non-custodial offences. */
  readonly conductMaxPenalty: ReadonlyMap<ConductCode, number | null>
  readonly offenceByCode: ReadonlyMap<string, OffenceRecord>
}

export class Registry {
  readonly document: RegistryDocument
  readonly #states: Map<string, StateView>
  readonly #mlaPairs: Set<string>
  readonly #extraditionPairs: Set<string>

  constructor(document: RegistryDocument) {
    this.document = document
    this.#states = new Map()
    document.states.forEach((s, i) => {
      if (this.#states.has(s.code)) {
        throw new RogatoryError('ERR_REGISTRY_INVALID', `duplicate State code ${s.code}`, {
          path: `states[${i}].code`,
        })
      }
      this.#states.set(s.code, indexState(s, i))
    })
    this.#mlaPairs = this.#pairs(document.mlaTreaties, 'mlaTreaties')
    this.#extraditionPairs = this.#pairs(document.extraditionTreaties, 'extraditionTreaties')
  }

  #pairs(pairs: readonly (readonly [string, string])[], key: string): Set<string> {
    const out = new Set<string>()
    pairs.forEach(([a, b], i) => {
      for (const [j, code] of [a, b].entries()) {
        if (!this.#states.has(code)) {
          throw new RogatoryError('ERR_REGISTRY_INVALID', `unknown State ${code} in treaty pair`, {
            path: `${key}[${i}][${j}]`,
          })
        }
      }
      out.add(pairKey(a, b))
    })
    return out
  }

  get states(): IterableIterator<StateView> {
    return this.#states.values()
  }

  findState(code: string): StateView | undefined {
    return this.#states.get(code)
  }

  /** The State, or ERR_UNKNOWN_STATE naming `path`. */
  state(code: string, path: string): StateView {
    const s = this.#states.get(code)
    if (!s)
      throw new RogatoryError('ERR_UNKNOWN_STATE', `unknown State ${JSON.stringify(code)}`, {
        path,
      })
    return s
  }

  /** Bilateral MLA treaty in force between the two (unordered, profiles.md §12.9). */
  hasMlaTreaty(a: string, b: string): boolean {
    return this.#mlaPairs.has(pairKey(a, b))
  }

  hasExtraditionTreaty(a: string, b: string): boolean {
    return this.#extraditionPairs.has(pairKey(a, b))
  }
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

function indexState(s: StateRecord, i: number): StateView {
  const conductMaxPenalty = new Map<ConductCode, number | null>()
  const offenceByCode = new Map<string, OffenceRecord>()
  s.offences.forEach((o, j) => {
    if (offenceByCode.has(o.code)) {
      throw new RogatoryError('ERR_REGISTRY_INVALID', `duplicate offence code ${o.code}`, {
        path: `states[${i}].offences[${j}].code`,
      })
    }
    offenceByCode.set(o.code, o)
    for (const c of o.conduct) {
      const prev = conductMaxPenalty.get(c)
      if (prev === undefined || (o.maxPenaltyMonths ?? -1) > (prev ?? -1)) {
        conductMaxPenalty.set(c, o.maxPenaltyMonths)
      }
    }
  })
  return { ...s, conductMaxPenalty, offenceByCode }
}
