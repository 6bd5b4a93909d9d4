/**
 * @module treaty/use/restrictions
 *
 * The restrictions that travel with information furnished under the
 * Convention, each with the paragraph that imposes it (zero-draft
 * numbering, as the rest of the engine):
 * - specialty, 40(19): only for the investigations, prosecutions or
 *   proceedings stated in the request, unless the requested State consents;
 * - confidentiality, 40(20): the requested State keeps the fact and
 *   substance of the request confidential, except as needed to execute it;
 * - conditions accepted after consultation, 40(27);
 * - onward transfer, 36(3): to a third country or international
 *   organisation only with the prior written authorisation of the
 *   transferring State.
 */
import { z } from 'zod'
import { isoDate, stateCode } from '../../registry/schema.js'

export const CONDITION_KINDS = [
  /** Use only for the purpose stated in the request (restates 40(19), cannot be waived by exculpation). */
  'purpose-only',
  /** Not to be disclosed outside the proceedings. */
  'no-disclosure',
  /** Not to be transferred to any third State or organisation. */
  'no-onward-transfer',
  /** To be deleted by a date (feeds the retention schedule). */
  'delete-by',
] as const

export const useRestrictionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('specialty'), cite: z.literal('40(19)') }),
  z.strictObject({ kind: z.literal('confidentiality'), cite: z.literal('40(20)') }),
  z.strictObject({ kind: z.literal('onward-transfer'), cite: z.literal('36(3)') }),
  z.strictObject({
    kind: z.literal('condition'),
    cite: z.literal('40(27)'),
    condition: z.enum(CONDITION_KINDS),
    text: z.string().min(1).max(2000),
    until: isoDate.nullable().default(null),
  }),
])
export type UseRestriction = z.infer<typeof useRestrictionSchema>
export const useRestrictionsSchema = z.array(useRestrictionSchema).max(50)

/** What every piece of information furnished in answer to a request carries by operation of the Convention. */
export const DEFAULT_RESTRICTIONS: readonly UseRestriction[] = [
  { kind: 'specialty', cite: '40(19)' },
  { kind: 'onward-transfer', cite: '36(3)' },
]

/** A proposed use of information received, or of a request held (confidentiality). */
export const proposedUseSchema = z.strictObject({
  /** use in proceedings; disclose outside them (to the public, a party, the press); transfer to another State. */
  kind: z.enum(['use', 'disclose', 'transfer']),
  /** `stated`: the proceedings named in the request; `other`: any other; `execution`: executing the request itself. */
  purpose: z.enum(['stated', 'other', 'execution']),
  /** Free text naming the proceedings or the recipient's purpose (kept locally; only a salted hash is logged). */
  description: z.string().min(1).max(2000),
  /** The third State (transfer). */
  recipient: stateCode.nullable().default(null),
  /** Disclosure of information exculpatory to an accused person (40(19), second sentence). */
  exculpatory: z.boolean().default(false),
  /** A consent the other State gave (its id). */
  consentId: z.uuid().nullable().default(null),
})
export type ProposedUse = z.infer<typeof proposedUseSchema>
