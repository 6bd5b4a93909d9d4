/**
 * @module node/services/attachments
 *
 * Evidence files, streamed to disk and hashed (SHA-256) on the way, never
 * held in memory: gigabyte files cost a buffer, not their size. A partial
 * file is removed when the upload fails; the row is written only once the
 * file is complete, so nothing half-written is ever listed.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { recordCustody } from './evidence-packages.js'
import { getRequest } from './requests.js'

export const MAX_ATTACHMENT_BYTES = 4 * 1024 ** 3

export interface AttachmentView {
  id: string
  requestId: string
  name: string
  mediaType: string
  size: number
  sha256: string
  createdAt: string
}

const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,199}$/u

export async function storeAttachment(
  rt: NodeRuntime,
  requestId: string,
  meta: { name: string; mediaType: string; role: string },
  body: Readable,
): Promise<AttachmentView> {
  await getRequest(rt, requestId)
  if (!SAFE_NAME.test(meta.name)) {
    throw new RogatoryError(
      'ERR_INPUT_INVALID',
      'file names are letters, digits, spaces and ._()- (at most 200)',
      { path: 'x-file-name' },
    )
  }
  const id = randomUUID()
  const dir = join(rt.settings.filesDir, requestId)
  await mkdir(dir, { recursive: true })
  const path = join(dir, id)
  const meter = hashingMeter(MAX_ATTACHMENT_BYTES, () => new RogatoryError('ERR_BODY_TOO_LARGE'))
  try {
    await pipeline(body, meter.stream, createWriteStream(path, { flags: 'wx' }))
  } catch (e) {
    await rm(path, { force: true })
    throw e instanceof RogatoryError
      ? e
      : new RogatoryError('ERR_INPUT_INVALID', `upload interrupted: ${(e as Error).message}`)
  }
  const view: AttachmentView = {
    id,
    requestId,
    name: meta.name,
    mediaType: meta.mediaType,
    size: meter.size(),
    sha256: meter.digest(),
    createdAt: nowIso(rt),
  }
  await rt.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('attachments')
      .values({
        id,
        request_id: requestId,
        name: view.name,
        media_type: view.mediaType,
        size: view.size,
        sha256: view.sha256,
        path,
        created_at: view.createdAt,
      })
      .execute()
    await recordCustody(trx, 'collected', {
      node: rt.settings.state,
      rid: requestId,
      role: meta.role,
      at: view.createdAt,
      aid: id,
      sha256: view.sha256,
    })
  })
  return view
}

export function findAttachment(rt: NodeRuntime, requestId: string, id: string) {
  return rt.store.db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('request_id', '=', requestId)
    .executeTakeFirst()
}

/**
 * A pass-through stream that counts and hashes what flows through it, and
 * fails with `tooBig` once more than `max` bytes have passed.
 */
export function hashingMeter(max: number, tooBig: () => Error) {
  const hash = createHash('sha256')
  let size = 0
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length
      if (size > max) return cb(tooBig())
      hash.update(chunk)
      cb(null, chunk)
    },
  })
  return { stream, size: () => size, digest: () => hash.digest('hex') }
}

export async function openAttachment(rt: NodeRuntime, requestId: string, id: string) {
  const row = await findAttachment(rt, requestId, id)
  if (!row)
    throw new RogatoryError('ERR_REQUEST_NOT_FOUND', `no attachment ${id} on request ${requestId}`)
  if (row.path === '') {
    throw new RogatoryError(
      'ERR_REQUEST_NOT_FOUND',
      `attachment ${id} was announced but not fetched yet`,
    )
  }
  return { row: { ...row, size: Number(row.size) }, stream: createReadStream(row.path) }
}
