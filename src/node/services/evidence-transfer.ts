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
import { type NodeRuntime, nowSeconds, signer } from '../runtime.js'
import { findAttachment, hashingMeter, openAttachment } from './attachments.js'

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

/** Requested side: check a fetch token (attacker-controlled) and open the file it names. */
export async function serveEvidence(
  rt: NodeRuntime,
  authorization: string | undefined,
  rid: string,
  aid: string,
) {
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
  return openAttachment(rt, rid, aid)
}

/** Requesting side: fetch an announced file, check it against the announcement, keep it. */
export async function fetchEvidence(rt: NodeRuntime, rid: string, aid: string) {
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
  await rt.snapshot.ensurePeer(req.to_state)
  const node = rt.snapshot.directory.node(req.to_state)
  if (!node) throw new RogatoryError('ERR_PEER_UNKNOWN', req.to_state)
  const token = await fetchToken(rt, {
    iss: rt.settings.state,
    aud: req.to_state,
    rid,
    aid,
    exp: nowSeconds(rt) + FETCH_TTL_SECONDS,
  })
  const res = await fetch(new URL(`/v1/federation/evidence/${rid}/${aid}`, node.url), {
    headers: { authorization: `Rogatory ${token}` },
  })
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
  await rt.store.db.updateTable('attachments').set({ path }).where('id', '=', aid).execute()
  return { ...row, size: expected, path: undefined, fetched: true }
}
