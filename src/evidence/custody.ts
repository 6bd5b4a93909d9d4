/**
 * @module evidence/custody
 *
 * The chain of custody of evidence, as the log entries that commit to each
 * step. A step names the node and the *role* that acted, the request, the
 * file and its SHA-256 — never a person. Steps, in order:
 * - `collected`: a file entered the producing node (upload);
 * - `packaged`: the producing node signed the manifest (`mhash`);
 * - `handed-over`: the producing node served a file to the requesting node;
 * - `received`: the requesting node fetched it and checked its hash.
 */
import { z } from 'zod'
import { stateCode } from '../registry/schema.js'

export const CUSTODY_STEPS = ['collected', 'packaged', 'handed-over', 'received'] as const
export type CustodyStep = (typeof CUSTODY_STEPS)[number]

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

/** A custody entry as it stands in a log (attacker-controlled when read back: parse it). */
export const custodyEntrySchema = z.strictObject({
  v: z.literal(1),
  event: z.literal('custody'),
  node: stateCode,
  rid: z.uuid(),
  step: z.enum(CUSTODY_STEPS),
  role: z.string().min(1).max(40),
  at: z.string().min(1).max(40),
  aid: z.uuid().optional(),
  sha256: hex64.optional(),
  pkg: z.uuid().optional(),
  mhash: hex64.optional(),
})
export type CustodyEntry = z.infer<typeof custodyEntrySchema>

/** What a custody step records: who (node, role), when, and which evidence (file, package, manifest hash). */
export interface CustodyFields {
  readonly node: string
  readonly rid: string
  readonly role: string
  readonly at: string
  readonly aid?: string
  readonly sha256?: string
  readonly pkg?: string
  readonly mhash?: string
}

/** The fields of a custody commitment (the node adds `v`). */
export function custodyCommitment(step: CustodyStep, f: CustodyFields) {
  return {
    event: 'custody',
    node: f.node,
    rid: f.rid,
    step,
    role: f.role,
    at: f.at,
    ...(f.aid ? { aid: f.aid } : {}),
    ...(f.sha256 ? { sha256: f.sha256 } : {}),
    ...(f.pkg ? { pkg: f.pkg } : {}),
    ...(f.mhash ? { mhash: f.mhash } : {}),
  }
}
