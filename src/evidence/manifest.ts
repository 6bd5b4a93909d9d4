/**
 * @module evidence/manifest
 *
 * The signed manifest of an evidence package: which files (SHA-256, size,
 * media type), for which request, between which States, on what legal
 * basis (citations with their trust marks), under which use restrictions,
 * and the log entries of the `collected` custody steps it rests on. The
 * producing node signs it as a compact JWS with its registered key.
 */
import { z } from 'zod'
import { stateCode } from '../registry/schema.js'
import { PROFILES } from '../treaty/profile.js'
import { useRestrictionsSchema } from '../treaty/use/restrictions.js'

export const MANIFEST_TYP = 'rogatory-evidence+jws'
export const MAX_MANIFEST_CHARS = 1024 * 1024

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

export const manifestFileSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().min(1).max(200),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: hex64,
})
export type ManifestFile = z.infer<typeof manifestFileSchema>

export const manifestSchema = z.strictObject({
  /** Producing (requested) State. */
  iss: stateCode,
  /** Receiving (requesting) State. */
  aud: stateCode,
  rid: z.uuid(),
  /** Package id. */
  pid: z.uuid(),
  iat: z.string().min(1).max(40),
  profile: z.enum(PROFILES),
  legalBasis: z
    .array(
      z.strictObject({
        cite: z.string().min(1).max(40),
        title: z.string().max(200),
        trust: z.enum(['verified', 'partial', 'unverified']),
      }),
    )
    .min(1)
    .max(20),
  restrictions: useRestrictionsSchema,
  files: z.array(manifestFileSchema).min(1).max(1000),
  /** SHA-256 (hex) of each `collected` custody entry, in the producer's log. */
  collected: z.array(hex64).max(1000),
})
export type Manifest = z.infer<typeof manifestSchema>
