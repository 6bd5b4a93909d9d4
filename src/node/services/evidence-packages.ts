/**
 * @module node/services/evidence-packages
 *
 * Evidence packages and their chain of custody on a node. Each custody
 * step is a log commitment written in the same transaction as the change
 * it records (evidence/custody). The requested node signs the manifest
 * when it executes a request with evidence; the requesting node verifies
 * it on arrival and keeps its restrictions. Either node exports a
 * self-contained package: the manifest, every custody step with its log
 * inclusion proof — the peer's steps fetched from the peer — and the files.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { sha256Hex } from '../../envelope/canonical.js'
import { signStatement, unverifiedClaims, verifyStatement } from '../../envelope/registered-jws.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { type CustodyFields, type CustodyStep, custodyCommitment } from '../../evidence/custody.js'
import {
  MANIFEST_TYP,
  MAX_MANIFEST_CHARS,
  type Manifest,
  manifestSchema,
} from '../../evidence/manifest.js'
import {
  type CustodyRecord,
  custodyRecordSchema,
  type EvidencePackage,
  PACKAGE_FORMAT,
} from '../../evidence/package-format.js'
import { fromZodError } from '../../lib/zod-error.js'
import type { Database } from '../../store/schema.js'
import type { RequestType } from '../../treaty/codes.js'
import type { ProfileId } from '../../treaty/profile.js'
import { citationTrust, findProvision } from '../../treaty/provisions/catalog.js'
import { DEFAULT_RESTRICTIONS, type UseRestriction } from '../../treaty/use/restrictions.js'
import { type NodeRuntime, signer } from '../runtime.js'
import { commit } from './log-commitments.js'

/** The article under which each kind of request is executed (zero-draft numbering). */
const LEGAL_BASIS: Readonly<Record<RequestType, readonly string[]>> = {
  mla: ['40(1)', '40(3)'],
  preservation: ['42(1)'],
  'traffic-disclosure': ['43(1)'],
  'stored-data': ['44(1)'],
  'realtime-traffic': ['45(1)'],
  interception: ['46(1)'],
  extradition: ['37(1)'],
  'emergency-disclosure': ['41(3)'],
  'spontaneous-information': ['40(4)'],
  'transfer-detained-person': ['40(10)'],
}

export function legalBasis(profile: ProfileId, type: RequestType) {
  return (LEGAL_BASIS[type] ?? ['40(1)']).map((cite) => ({
    cite,
    title: findProvision(profile, cite)?.title ?? '',
    trust: citationTrust(profile, cite),
  }))
}

export async function recordCustody(
  trx: Transaction<Database>,
  step: CustodyStep,
  f: CustodyFields,
): Promise<void> {
  const entry = await commit(trx, custodyCommitment(step, f))
  await trx
    .insertInto('custody_steps')
    .values({
      request_id: f.rid,
      attachment_id: f.aid ?? null,
      package_id: f.pkg ?? null,
      step,
      node: f.node,
      entry,
      at: f.at,
    })
    .execute()
}

/** A file's hand-over or receipt: the custody step names the request's evidence package, if it has one. */
export async function recordFileCustody(
  trx: Transaction<Database>,
  step: 'handed-over' | 'received',
  f: Omit<CustodyFields, 'pkg' | 'mhash'>,
): Promise<void> {
  const pkg = await trx
    .selectFrom('evidence_packages')
    .select('id')
    .where('request_id', '=', f.rid)
    .executeTakeFirst()
  await recordCustody(trx, step, { ...f, ...(pkg ? { pkg: pkg.id } : {}) })
}

/**
 * Requested side, at execution: sign the manifest of the request's
 * evidence and log the `packaged` step. Returns undefined when there is no
 * evidence to package.
 */
export async function producePackage(
  rt: NodeRuntime,
  trx: Transaction<Database>,
  o: {
    rid: string
    to: string
    type: RequestType
    role: string
    at: string
    conditions: readonly UseRestriction[]
  },
): Promise<{ manifest: string; files: Manifest['files'] } | undefined> {
  const rows = await trx
    .selectFrom('attachments')
    .select(['id', 'name', 'media_type', 'size', 'sha256'])
    .where('request_id', '=', o.rid)
    .where('path', '!=', '')
    .orderBy('created_at')
    .execute()
  if (rows.length === 0) return undefined
  const collected = await trx
    .selectFrom('custody_steps')
    .select('entry')
    .where('request_id', '=', o.rid)
    .where('step', '=', 'collected')
    .orderBy('id')
    .execute()
  const pid = randomUUID()
  const claims: Manifest = {
    iss: rt.settings.state,
    aud: o.to,
    rid: o.rid,
    pid,
    iat: o.at,
    profile: rt.settings.profile,
    legalBasis: legalBasis(rt.settings.profile, o.type),
    restrictions: [...DEFAULT_RESTRICTIONS, ...o.conditions],
    files: rows.map((r) => ({
      id: r.id,
      name: r.name,
      mediaType: r.media_type,
      size: Number(r.size),
      sha256: r.sha256,
    })),
    collected: collected.map((c) => sha256Hex(c.entry)),
  }
  const manifest = await signStatement(MANIFEST_TYP, claims, signer(rt))
  const mhash = sha256Hex(manifest)
  await trx
    .insertInto('evidence_packages')
    .values({
      id: pid,
      request_id: o.rid,
      producer: rt.settings.state,
      manifest,
      manifest_hash: mhash,
      created_at: o.at,
    })
    .execute()
  await recordCustody(trx, 'packaged', {
    node: rt.settings.state,
    rid: o.rid,
    role: o.role,
    at: o.at,
    pkg: pid,
    mhash,
  })
  return { manifest, files: claims.files }
}

/** Requesting side: verify a manifest that arrived (attacker-controlled) and keep it with its restrictions. */
export async function acceptPackage(
  rt: NodeRuntime,
  trx: Transaction<Database>,
  h: { iss: string; rid: string },
  jws: string,
  at: string,
): Promise<Manifest> {
  const { claims, key } = await verifyStatement<unknown>(jws, {
    typ: MANIFEST_TYP,
    directory: rt.snapshot.directory,
    code: 'ERR_EVIDENCE_SIGNATURE_INVALID',
    accept: (k) => k.state === h.iss,
    maxChars: MAX_MANIFEST_CHARS,
  })
  const m = manifestSchema.safeParse(claims)
  if (!m.success) throw fromZodError('ERR_EVIDENCE_MALFORMED', m.error, 'manifest')
  const manifest = m.data
  if (manifest.iss !== key.state || manifest.aud !== rt.settings.state || manifest.rid !== h.rid)
    throw new RogatoryError(
      'ERR_EVIDENCE_SIGNATURE_INVALID',
      'the manifest names other States or another request',
    )
  await trx
    .insertInto('evidence_packages')
    .values({
      id: manifest.pid,
      request_id: h.rid,
      producer: manifest.iss,
      manifest: jws,
      manifest_hash: sha256Hex(jws),
      created_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await keepRestrictions(trx, h.rid, manifest.restrictions, at)
  return manifest
}

/** The restrictions under which the requesting State holds what it received. */
export async function keepRestrictions(
  trx: Transaction<Database>,
  rid: string,
  restrictions: readonly UseRestriction[],
  at: string,
): Promise<void> {
  const value = JSON.stringify(restrictions)
  await trx
    .insertInto('use_restrictions')
    .values({ request_id: rid, restrictions: value, set_at: at })
    .onConflict((oc) => oc.column('request_id').doUpdateSet({ restrictions: value, set_at: at }))
    .execute()
}

/** This node's own custody steps for a request, each with a checkpoint and inclusion proof. */
export async function ownCustodyRecords(rt: NodeRuntime, rid: string): Promise<CustodyRecord[]> {
  const rows = await rt.store.db
    .selectFrom('custody_steps')
    .select(['entry', 'node'])
    .where('request_id', '=', rid)
    .orderBy('id')
    .execute()
  const out: CustodyRecord[] = []
  for (const r of rows) {
    const entry = new Uint8Array(r.entry)
    const hash = Buffer.from(sha256Hex(entry), 'hex')
    let index = await rt.log.indexOf(hash)
    if (index === undefined) {
      await rt.log.integrate()
      index = await rt.log.indexOf(hash)
    }
    if (index === undefined)
      throw new RogatoryError('ERR_LOG_ENTRY_NOT_FOUND', 'a custody step is still queued; retry')
    const b = rt.log.inclusionBundle(index)
    out.push({
      node: r.node,
      entry: Buffer.from(entry).toString('base64'),
      index,
      checkpoint: b.checkpoint,
      proof: b.proof.map((p) => Buffer.from(p).toString('base64')),
    })
  }
  return out
}

/** Parse the peer's custody records (attacker-controlled); the verifier checks them in full. */
export function parsePeerCustody(body: unknown): CustodyRecord[] {
  const records = (body as { custody?: unknown })?.custody
  const parsed = custodyRecordSchema.array().max(5000).safeParse(records)
  if (!parsed.success) throw fromZodError('ERR_EVIDENCE_MALFORMED', parsed.error, 'custody')
  return parsed.data
}

/** The package as this node can export it (files are added by the caller). */
export async function exportPackage(
  rt: NodeRuntime,
  rid: string,
  peerCustody: (producer: string) => Promise<CustodyRecord[]>,
): Promise<EvidencePackage & { files: Manifest['files'] }> {
  const row = await rt.store.db
    .selectFrom('evidence_packages')
    .selectAll()
    .where('request_id', '=', rid)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  if (!row)
    throw new RogatoryError('ERR_REQUEST_NOT_FOUND', `no evidence package for request ${rid}`)
  const manifest = manifestSchema.parse(unverifiedClaims(row.manifest))
  const own = await ownCustodyRecords(rt, rid)
  const custody =
    row.producer === rt.settings.state ? own : [...(await peerCustody(row.producer)), ...own]
  return {
    format: PACKAGE_FORMAT,
    requestId: rid,
    holder: rt.settings.state,
    manifest: row.manifest,
    custody,
    files: manifest.files,
  }
}
