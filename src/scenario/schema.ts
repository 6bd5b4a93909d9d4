/**
 * @module scenario/schema
 *
 * The rogatory-scenario/1 document (scenarios/FORMAT.md) as a zod schema.
 */
import { z } from 'zod'
import { isoDate } from '../registry/schema.js'
import { isCitation } from '../treaty/citation.js'
import { EXCLUDABLE_CODES, GROUND_CODES, OBLIGATION_CODES, OUTCOMES } from '../treaty/codes.js'
import { questionSchema } from '../treaty/question-schema.js'

const citation = z.string().refine(isCitation, { message: 'expected a citation such as 40(21)(b)' })

export const expectSchema = z.strictObject({
  outcome: z.enum(OUTCOMES).optional(),
  grounds: z
    .array(
      z.strictObject({
        code: z.enum(GROUND_CODES),
        mandatory: z.boolean(),
        cites: z.array(citation),
      }),
    )
    .optional(),
  excludedGrounds: z.array(z.enum(EXCLUDABLE_CODES)).optional(),
  missingFields: z.array(z.string()).optional(),
  obligations: z.array(z.enum(OBLIGATION_CODES)).optional(),
  dates: z.record(z.string(), isoDate.nullable()).optional(),
})

export const scenarioSchema = z.strictObject({
  format: z.literal('rogatory-scenario/1'),
  id: z.string().min(1),
  title: z.string().min(1),
  note: z.string().optional(),
  profile: z.string(),
  asOf: isoDate,
  registryOverrides: z.record(z.string(), z.unknown()).optional(),
  question: questionSchema,
  expect: expectSchema,
})

/** A question file for `rogatory assess`: a scenario without `expect`, or with one (ignored). */
export const questionFileSchema = scenarioSchema
  .omit({ format: true, id: true, title: true, expect: true, profile: true })
  .extend({
    format: z.literal('rogatory-scenario/1').optional(),
    id: z.string().optional(),
    title: z.string().optional(),
    profile: z.string().optional(),
    expect: expectSchema.optional(),
  })

export type Scenario = z.infer<typeof scenarioSchema>
export type Expect = z.infer<typeof expectSchema>
export type QuestionFile = z.infer<typeof questionFileSchema>
