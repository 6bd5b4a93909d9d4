/**
 * @module treaty/question-schema
 *
 * The questions the engine answers (FORMAT.md, "Question kinds"), as zod
 * schemas. Keys the format marks optional get the defaults a practitioner
 * would assume (no finding = not established); unknown keys are rejected
 * so that a misspelt finding never silently changes an answer.
 */
import { z } from 'zod'
import { isoDate, stateCode } from '../registry/schema.js'
import { CHANNELS, CONDUCT_CODES, DISCRIMINATION_GROUNDS, REQUEST_TYPES } from './codes.js'

export const personSchema = z.strictObject({
  nationality: stateCode.nullable().default(null),
  presentIn: stateCode.nullable().default(null),
  sentenceRemainingMonths: z.number().int().nonnegative().nullable().default(null),
  detained: z.boolean().default(false),
  consents: z.boolean().nullable().default(null),
})

export const defaultPerson = () => personSchema.parse({})

export const requestSchema = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  from: stateCode,
  to: stateCode,
  offence: z.string().min(1).nullable().default(null),
  conduct: z.array(z.enum(CONDUCT_CODES)),
  language: z.string().min(1).nullable().default(null),
  channel: z.enum(CHANNELS).default('central-authority'),
  urgent: z.boolean().default(false),
  oral: z.boolean().default(false),
  fields: z.record(z.string(), z.unknown()).default({}),
  person: personSchema.default(defaultPerson),
  deadlineRequested: isoDate.nullable().default(null),
})

export const findingsSchema = z.strictObject({
  politicalOffence: z.boolean().default(false),
  discriminationGrounds: z.array(z.enum(DISCRIMINATION_GROUNDS)).default([]),
  humanRightsRisk: z.string().min(1).nullable().default(null),
  essentialInterests: z.boolean().default(false),
  otherEssentialInterests: z.boolean().default(false),
  domesticLawBars: z.boolean().default(false),
  contraryToLegalSystem: z.boolean().default(false),
  deMinimis: z.boolean().default(false),
  interferesWithOngoingCase: z.boolean().default(false),
  dataProtectionBars: z.boolean().default(false),
  deathOrSeriousHarm: z.boolean().default(false),
  refusalReasonsOffered: z.array(z.string().min(1)).default([]),
})

const defaultFindings = () => findingsSchema.parse({})

export const assessRequestQuestion = z.strictObject({
  kind: z.literal('assess-request'),
  request: requestSchema,
  findings: findingsSchema.default(defaultFindings),
})

export const entryIntoForceQuestion = z.strictObject({
  kind: z.literal('entry-into-force'),
  state: stateCode,
})

export const preservationPeriodQuestion = z.strictObject({
  kind: z.literal('preservation-period'),
  preservedOn: isoDate,
  extensions: z.array(isoDate).default([]),
  mlaRequestReceived: isoDate.nullable().default(null),
})

export const onwardTransferQuestion = z.strictObject({
  kind: z.literal('onward-transfer'),
  from: stateCode,
  holder: stateCode,
  to: stateCode,
  writtenAuthorization: z.boolean(),
  authorized: z.boolean().optional(),
})

export const questionSchema = z.discriminatedUnion('kind', [
  assessRequestQuestion,
  entryIntoForceQuestion,
  preservationPeriodQuestion,
  onwardTransferQuestion,
])

export type Person = z.infer<typeof personSchema>
export type Request = z.infer<typeof requestSchema>
export type Findings = z.infer<typeof findingsSchema>
export type AssessRequestQuestion = z.infer<typeof assessRequestQuestion>
export type EntryIntoForceQuestion = z.infer<typeof entryIntoForceQuestion>
export type PreservationPeriodQuestion = z.infer<typeof preservationPeriodQuestion>
export type OnwardTransferQuestion = z.infer<typeof onwardTransferQuestion>
export type Question = z.infer<typeof questionSchema>
export type QuestionKind = Question['kind']
