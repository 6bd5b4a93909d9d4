/**
 * @module registry/schema
 *
 * The rogatory-registry/1 document (scenarios/FORMAT.md, "Registry") as a
 * zod schema. Strict objects: an unknown key is a typo until proven
 * otherwise, and the error names it.
 */
import { z } from 'zod'
import { isIsoDate } from '../lib/iso-date.js'
import { CONDUCT_CODES, NATIONALITY_EXTRADITION } from '../treaty/codes.js'

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' })

export const stateCode = z.string().regex(/^X[A-Z]{2}$/, 'expected a user-assigned code XAA..XZZ')

export const offenceSchema = z.strictObject({
  code: z.string().min(1),
  title: z.string().min(1),
  conduct: z.array(z.enum(CONDUCT_CODES)).min(1),
  maxPenaltyMonths: z.number().int().nonnegative().nullable(),
  protectedExpression: z.boolean(),
})

const authority = z.looseObject({ name: z.string().min(1) })

export const stateSchema = z.strictObject({
  code: stateCode,
  name: z.string().min(1),
  signed: isoDate.nullable(),
  instrumentDeposited: isoDate.nullable(),
  denunciationNotified: isoDate.nullable(),
  reio: z.boolean(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'expected a language code such as en')),
  centralAuthority: authority,
  pointOfContact247: authority,
  extraditionAuthority: authority,
  extraditionRequiresTreaty: z.boolean(),
  conventionAsExtraditionBasis: z.boolean(),
  nationalityExtradition: z.enum(NATIONALITY_EXTRADITION),
  reservations: z.array(
    z.string().regex(/^art\d+(\(\w+\))*$/, 'expected a provision id such as art42(4)'),
  ),
  dataProtection: z.strictObject({ onwardTransferRequiresWritten: z.boolean() }),
  offences: z.array(offenceSchema),
})

const pair = z.tuple([stateCode, stateCode])

export const registrySchema = z.strictObject({
  format: z.literal('rogatory-registry/1'),
  instrument: z.string().min(1),
  states: z.array(stateSchema),
  otherDeposits: z.array(isoDate),
  mlaTreaties: z.array(pair),
  extraditionTreaties: z.array(pair),
})

export type OffenceRecord = z.infer<typeof offenceSchema>
export type StateRecord = z.infer<typeof stateSchema>
export type RegistryDocument = z.infer<typeof registrySchema>
