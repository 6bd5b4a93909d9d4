/**
 * @module node/services/evidence-transfer
 *
 * Evidence files travel after the signed status message that announces
 * them (name, size, SHA-256). The requesting node fetches each file from
 * the requested node with a short-lived JWS naming the request and the
 * file, signed by its own registered key; the requested node checks the
 * token against the register and that the caller is the requesting State.
 * The file is streamed to disk and hashed as it arrives, and kept only if
 * size and hash match the announcement.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { signStatement, verifyStatement } from '../../envelope/registered-jws.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { type NodeRuntime, nowIso, nowSeconds, signer } from '../runtime.js'
import { findAttachment, hashingMeter, openAttachment } from './attachments.js'
import { ownCustodyRecords, parsePeerCustody, recordFileCustody } from './evidence-packages.js'

const FETCH_TYP = 'rogatory-fetch+jws'
const FETCH_TTL_SECONDS = 300

interface FetchClaims {
  iss: string
  aud: string
  rid: string
  aid: string
  exp: number
}

function fetchToken(rt: NodeRuntime, claims: FetchClaims): Promise<string> {
  return signStatement(FETCH_TYP, claims, signer(rt))
}

/** Requested side: check a fetch token (attacker-controlled) from the requesting State of `rid`. */
async function checkFetchToken(
  rt: NodeRuntime,
  authorization: string | undefined,
  rid: string,
  aid: string,
): Promise<string> {
  const bad = (why: string): never => {
    throw new RogatoryError('ERR_AUTH_INVALID', `evidence fetch: ${why}`)
  }
  const token = authorization?.startsWith('Rogatory ') ? authorization.slice(9) : bad('no token')
  const { claims, key } = await verifyStatement<FetchClaims>(token, {
    typ: FETCH_TYP,
    directory: rt.snapshot.directory,
    code: 'ERR_AUTH_INVALID',
    accept: () => true,
  })
  if (
    claims.iss !== key.state ||
    claims.aud !== rt.settings.state ||
    claims.rid !== rid ||
    claims.aid !== aid
  )
    bad('claims')
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds(rt)) bad('expired')
  const req = await rt.store.db
    .selectFrom('requests')
    .select(['direction', 'from_state'])
    .where('id', '=', rid)
    .executeTakeFirst()
  if (req?.direction !== 'incoming' || req.from_state !== claims.iss)
    bad('not the requesting State of this request')
  return claims.iss
}

/** Requested side: open the file a valid token names, and log the hand-over. */
export async function serveEvidence(
  rt: NodeRuntime,
  authorization: string | undefined,
  rid: string,
  aid: string,
) {
  await checkFetchToken(rt, authorization, rid, aid)
  const file = await openAttachment(rt, rid, aid)
  await rt.store.db.transaction().execute((trx) =>
    recordFileCustody(trx, 'handed-over', {
      node: rt.settings.state,
      rid,
      role: 'node',
      at: nowIso(rt),
      aid,
      sha256: file.row.sha256,
    }),
  )
  return file
}

/** Requested side: its custody steps for a request, with log proofs, for the requesting State's package. */
export async function serveCustody(
  rt: NodeRuntime,
  authorization: string | undefined,
  rid: string,
) {
  await checkFetchToken(rt, authorization, rid, CUSTODY_AID)
  return { custody: await ownCustodyRecords(rt, rid) }
}

/** Requesting side: the producer's custody steps for a request (parsed; verified in full by `evidence verify`). */
export async function fetchPeerCustody(rt: NodeRuntime, rid: string, producer: string) {
  const res = await signedFetch(rt, producer, `/v1/federation/custody/${rid}`, rid, CUSTODY_AID)
  if (!res.ok)
    throw new RogatoryError('ERR_EVIDENCE_NOT_LOGGED', `${producer} answered ${res.status}`)
  return parsePeerCustody(await res.json())
}

const CUSTODY_AID = 'custody'

async function signedFetch(rt: NodeRuntime, peer: string, path: string, rid: string, aid: string) {
  await rt.snapshot.ensurePeer(peer)
  const node = rt.snapshot.directory.node(peer)
  if (!node) throw new RogatoryError('ERR_PEER_UNKNOWN', peer)
  const token = await fetchToken(rt, {
    iss: rt.settings.state,
    aud: peer,
    rid,
    aid,
    exp: nowSeconds(rt) + FETCH_TTL_SECONDS,
  })
  return fetch(new URL(path, node.url), {
    headers: { authorization: `Rogatory ${token}` },
    signal: AbortSignal.timeout(60_000),
  })
}

/** Requesting side: fetch an announced file, check it against the announcement, keep it. */
export async function fetchEvidence(rt: NodeRuntime, rid: string, aid: string, role: string) {
  const row = await findAttachment(rt, rid, aid)
  const req = await rt.store.db
    .selectFrom('requests')
    .select(['direction', 'to_state'])
    .where('id', '=', rid)
    .executeTakeFirst()
  if (!row || req?.direction !== 'outgoing')
    throw new RogatoryError(
      'ERR_REQUEST_NOT_FOUND',
      `no announced evidence ${aid} on request ${rid}`,
    )
  if (row.path !== '') return { ...row, size: Number(row.size), path: undefined, fetched: true }
  const res = await signedFetch(rt, req.to_state, `/v1/federation/evidence/${rid}/${aid}`, rid, aid)
  if (!res.ok || !res.body)
    throw new RogatoryError('ERR_EVIDENCE_MISMATCH', `${req.to_state} answered ${res.status}`)
  const dir = join(rt.settings.filesDir, rid)
  await mkdir(dir, { recursive: true })
  const path = join(dir, aid)
  const expected = Number(row.size)
  const meter = hashingMeter(
    expected,
    () => new RogatoryError('ERR_EVIDENCE_MISMATCH', 'more bytes than announced'),
  )
  try {
    await pipeline(
      Readable.fromWeb(res.body as never),
      meter.stream,
      createWriteStream(path, { flags: 'w' }),
    )
    const digest = meter.digest()
    const size = meter.size()
    if (size !== expected || digest !== row.sha256)
      throw new RogatoryError('ERR_EVIDENCE_MISMATCH', `got ${size} bytes, sha256 ${digest}`)
  } catch (e) {
    await rm(path, { force: true })
    throw e instanceof RogatoryError
      ? e
      : new RogatoryError('ERR_EVIDENCE_MISMATCH', (e as Error).message)
  }
  await rt.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('attachments').set({ path }).where('id', '=', aid).execute()
    await recordFileCustody(trx, 'received', {
      node: rt.settings.state,
      rid,
      role,
      at: nowIso(rt),
      aid,
      sha256: row.sha256,
    })
  })
  return { ...row, size: expected, path: undefined, fetched: true }
}
