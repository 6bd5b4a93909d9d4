/**
 * @module treaty/party-status
 *
 * profiles.md §2: counted instruments, general entry into force, entry into
 * force for each State, denunciation, and whether a State is a Party on a
 * date. Pure; memoised per registry and date because every assessment asks.
 */
import { addDays, addOneYear, type IsoDate, laterOf } from '../lib/iso-date.js'
import type { Registry, StateView } from '../registry/registry.js'

/** Art 64(1) zero draft / 65(1) adopted: the fortieth instrument. */
export const INSTRUMENTS_FOR_ENTRY_INTO_FORCE = 40
/** "on the ninetieth day after the date of deposit of the fortieth instrument". */
export const GENERAL_ENTRY_DELAY_DAYS = 90
/** Art 64(2) / 65(2): "on the thirtieth day after the date of deposit" by a later State. */
export const LATE_DEPOSIT_DELAY_DAYS = 30

export interface GeneralEntry {
  /** Instruments counted on `asOf` (REIO instruments are never counted). */
  readonly counted: number
  /** Date of the fortieth counted instrument, or null. */
  readonly fortiethDeposit: IsoDate | null
  /** Fortieth deposit + 90 days, or null when fewer than 40 are counted. */
  readonly date: IsoDate | null
}

export interface StateStatus {
  readonly code: string
  /** Instrument deposited on or before `asOf` (a denounced State counts as having deposited). */
  readonly deposited: boolean
  readonly entryIntoForce: IsoDate | null
  readonly inForce: boolean
  readonly denunciationEffective: IsoDate | null
  readonly denounced: boolean
  readonly isParty: boolean
}

const generalCache = new WeakMap<Registry, Map<IsoDate, GeneralEntry>>()

export function generalEntry(registry: Registry, asOf: IsoDate): GeneralEntry {
  let byDate = generalCache.get(registry)
  if (!byDate) {
    byDate = new Map()
    generalCache.set(registry, byDate)
  }
  const hit = byDate.get(asOf)
  if (hit) return hit
  const dates: IsoDate[] = []
  for (const s of registry.states) {
    if (!s.reio && s.instrumentDeposited !== null && s.instrumentDeposited <= asOf) {
      dates.push(s.instrumentDeposited)
    }
  }
  for (const d of registry.document.otherDeposits) if (d <= asOf) dates.push(d)
  dates.sort()
  const fortieth = dates[INSTRUMENTS_FOR_ENTRY_INTO_FORCE - 1] ?? null
  const result: GeneralEntry = {
    counted: dates.length,
    fortiethDeposit: fortieth,
    date: fortieth === null ? null : addDays(fortieth, GENERAL_ENTRY_DELAY_DAYS),
  }
  if (byDate.size > 1024) byDate.clear()
  byDate.set(asOf, result)
  return result
}

export function stateStatus(registry: Registry, state: StateView, asOf: IsoDate): StateStatus {
  const general = generalEntry(registry, asOf)
  const deposit = state.instrumentDeposited
  const deposited = deposit !== null && deposit <= asOf
  let entryIntoForce: IsoDate | null = null
  if (deposited && general.date !== null && general.fortiethDeposit !== null) {
    entryIntoForce =
      deposit <= general.fortiethDeposit
        ? general.date
        : laterOf(addDays(deposit, LATE_DEPOSIT_DELAY_DAYS), general.date)
  }
  const notified = state.denunciationNotified
  const denunciationEffective = notified !== null && notified <= asOf ? addOneYear(notified) : null
  const denounced = denunciationEffective !== null && denunciationEffective <= asOf
  const inForce = entryIntoForce !== null && entryIntoForce <= asOf
  return {
    code: state.code,
    deposited,
    entryIntoForce,
    inForce,
    denunciationEffective,
    denounced,
    isParty: inForce && !denounced,
  }
}
