/**
 * @module node/routes/log-routes
 *
 * The transparency log, read-only, in the C2SP tlog-tiles layout under
 * `/log/`: `checkpoint`, `tile/<L>/<N>[.p/<W>]`, `tile/entries/<N>[.p/<W>]`.
 * Full tiles never change and are served as immutable; partial tiles and
 * the checkpoint are not cached. Proofs are served under `/v1/log/`.
 */
import type { FastifyInstance } from 'fastify'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { parseCosignerKey } from '../../log/cosignature.js'
import { parseTilePath, TILE_WIDTH } from '../../log/tiles.js'
import type { NodeRuntime } from '../runtime.js'
import { addCheckpoint } from '../services/witness-protocol.js'

const b64 = (xs: readonly Uint8Array[]) => xs.map((x) => Buffer.from(x).toString('base64'))
const int = (v: unknown, name: string): number => {
  const n = typeof v === 'string' && /^[0-9]{1,15}$/.test(v) ? Number(v) : Number.NaN
  if (!Number.isSafeInteger(n))
    throw new RogatoryError('ERR_INPUT_INVALID', 'expected a non-negative integer', {
      path: `query.${name}`,
    })
  return n
}

export function registerLogRoutes(app: FastifyInstance, rt: NodeRuntime): void {
  app.get(
    '/log/checkpoint',
    {
      schema: {
        tags: ['log'],
        description: 'The latest checkpoint (C2SP tlog-checkpoint, signed note).',
      },
    },
    async (_req, reply) => {
      void reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
      return rt.log.checkpoint
    },
  )

  app.get(
    '/log/tile/*',
    { schema: { tags: ['log'], description: 'C2SP tlog-tiles: hash tiles and entry bundles.' } },
    async (req, reply) => {
      const addr = parseTilePath((req.params as { '*': string })['*'])
      if (!addr) throw new RogatoryError('ERR_NOT_FOUND', 'not a tile path')
      const body =
        addr.kind === 'entries'
          ? await rt.log.entryBundle(addr.index, addr.width)
          : rt.log.tile(addr.level, addr.index, addr.width)
      if (!body) throw new RogatoryError('ERR_NOT_FOUND', 'no such tile (yet)')
      void reply
        .header('content-type', 'application/octet-stream')
        .header(
          'cache-control',
          addr.width === TILE_WIDTH ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      return reply.send(Buffer.from(body))
    },
  )

  app.get(
    '/v1/log/cosigned',
    {
      schema: {
        tags: ['log'],
        description:
          'The latest checkpoint that peer witnesses cosigned, with their cosignatures (C2SP tlog-cosignature).',
      },
    },
    async (_req, reply) => {
      const note = await rt.log.cosignedCheckpoint()
      if (!note) throw new RogatoryError('ERR_NOT_FOUND', 'no cosigned checkpoint yet')
      void reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
      return note
    },
  )

  app.post(
    '/v1/log/cosignatures',
    {
      schema: {
        tags: ['log'],
        description:
          "A peer witness hands over its cosignature of one of this log's checkpoints; it is checked against the witness key in the register.",
        body: {
          type: 'object',
          required: ['state', 'size', 'line'],
          properties: {
            state: { type: 'string', maxLength: 8 },
            size: { type: 'integer', minimum: 0 },
            line: { type: 'string', maxLength: 1000 },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const b = req.body as { state: string; size: number; line: string }
      const witness = rt.snapshot.directory.node(b.state)?.log?.witness
      if (!witness)
        throw new RogatoryError(
          'ERR_PEER_UNKNOWN',
          `${b.state} has no witness key in the register`,
          { path: 'body.state' },
        )
      await rt.log.addCosignature(b.size, parseCosignerKey(witness), b.line)
      return { accepted: true }
    },
  )

  app.post(
    '/witness/add-checkpoint',
    {
      schema: {
        tags: ['log'],
        description:
          "C2SP tlog-witness add-checkpoint: a peer log submits a checkpoint with a consistency proof from the size this witness last cosigned; the answer is this node's cosignature (or 409 with the size it holds).",
      },
      bodyLimit: 64 * 1024,
    },
    async (req, reply) => {
      const r = await addCheckpoint(rt, req.body)
      return reply.status(r.status).type(r.contentType).send(r.body)
    },
  )

  app.get('/v1/log/proof/inclusion', { schema: { tags: ['log'] } }, async (req) => {
    const q = req.query as Record<string, unknown>
    const index = int(q.index, 'index')
    const size = int(q.size ?? String(rt.log.size), 'size')
    if (index >= size || size > rt.log.size)
      throw new RogatoryError('ERR_INPUT_INVALID', `no leaf ${index} in a tree of ${size}`, {
        path: 'query.index',
      })
    return { index, size, proof: b64(rt.log.inclusionProof(index, size)) }
  })

  app.get('/v1/log/proof/consistency', { schema: { tags: ['log'] } }, async (req) => {
    const q = req.query as Record<string, unknown>
    const first = int(q.first, 'first')
    const second = int(q.second ?? String(rt.log.size), 'second')
    if (first > second || second > rt.log.size)
      throw new RogatoryError('ERR_INPUT_INVALID', `no proof from ${first} to ${second}`, {
        path: 'query.first',
      })
    return { first, second, proof: b64(rt.log.consistencyProof(first, second)) }
  })
}
