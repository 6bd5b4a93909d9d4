/** Streams a file to a node's attachment endpoint, reporting progress. */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Readable, Transform } from 'node:stream'
import type { AttachmentView } from '../node/services/attachments.js'
import type { Client } from './client.js'

export async function uploadFile(
  c: Client,
  requestId: string,
  file: string,
  progress: (done: number, total: number) => void,
): Promise<AttachmentView> {
  const { size } = await stat(file)
  let done = 0
  const meter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      done += chunk.length
      progress(done, size)
      cb(null, chunk)
    },
  })
  const body = Readable.toWeb(createReadStream(file).pipe(meter)) as unknown as NonNullable<
    RequestInit['body']
  >
  return c.upload<AttachmentView>(`/v1/requests/${requestId}/attachments`, body, {
    'x-file-name': encodeURIComponent(basename(file)),
    'content-length': String(size),
  })
}
