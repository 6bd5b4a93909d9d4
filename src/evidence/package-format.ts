/**
 * @module evidence/package-format
 *
 * An evidence package on disk: a directory with `package.json` and the
 * files under `files/<file id>` (the id, not the name, so a crafted name
 * can never point outside the directory). `package.json` holds the signed
 * manifest and every custody step with what proves it logged: the entry
 * bytes, its index, a checkpoint signed by that node's log key, and the
 * RFC 9162 inclusion proof against it. Everything in it can be checked
 * offline with the verifier keys of the Secretariat's register.
 */
import { z } from 'zod'
import { stateCode } from '../registry/schema.js'

export const PACKAGE_FORMAT = 'rogatory-evidence-package/1'
export const PACKAGE_FILE = 'package.json'
export const FILES_DIR = 'files'

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)

export const custodyRecordSchema = z.strictObject({
  node: stateCode,
  entry: b64.max(8192),
  index: z.number().int().nonnegative(),
  checkpoint: z.string().min(1).max(16_384),
  proof: z.array(b64.max(64)).max(64),
})
export type CustodyRecord = z.infer<typeof custodyRecordSchema>

export const packageSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  requestId: z.uuid(),
  /** Who exported it: the producer, or the requesting State once it received the files. */
  holder: stateCode,
  manifest: z.string().min(1),
  custody: z.array(custodyRecordSchema).max(5000),
})
export type EvidencePackage = z.infer<typeof packageSchema>
