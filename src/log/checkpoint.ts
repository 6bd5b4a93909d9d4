/**
 * @module log/checkpoint
 *
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the body of a
 * signed note — origin line, decimal tree size, base64 root hash, then
 * optional extension lines — signed with the log's key (signed-note).
 */
import { RogatoryError } from '../errors/rogatory-error.js'
import { HASH_SIZE } from './hashing.js'

export interface Checkpoint {
  readonly origin: string
  readonly size: number
  readonly root: Uint8Array
  readonly extensions: readonly string[]
}

const invalid = (why: string): never => {
  throw new RogatoryError('ERR_CHECKPOINT_INVALID', why)
}

export function formatCheckpoint(c: Checkpoint): string {
  if (!c.origin || /\n/.test(c.origin)) invalid('origin')
  if (!Number.isSafeInteger(c.size) || c.size < 0) invalid('size')
  if (c.root.length !== HASH_SIZE) invalid('root hash')
  const ext = c.extensions.map((e) => (e && !/\n/.test(e) ? `${e}\n` : invalid('extension line')))
  return `${c.origin}\n${c.size}\n${Buffer.from(c.root).toString('base64')}\n${ext.join('')}`
}

/** Parse a checkpoint body (the verified text of its signed note). */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) invalid('must end in a newline')
  const lines = text.slice(0, -1).split('\n')
  if (lines.length < 3) invalid('needs origin, size and root hash lines')
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]]
  if (!origin) invalid('empty origin')
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    invalid('tree size')
  const root = Buffer.from(rootText, 'base64')
  if (root.length !== HASH_SIZE || root.toString('base64') !== rootText) invalid('root hash')
  if (extensions.some((e) => e === '')) invalid('empty extension line')
  return { origin, size: Number(sizeText), root: new Uint8Array(root), extensions }
}
