/**
 * @module node/routes/state-routes
 *
 * The HTTP API of a State node: sign-in, requests and their lifecycle,
 * screening, attachments, and the inbox other nodes deliver to.
 */

import type { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { ACTIONS } from '../../lifecycle/lifecycle.js'
import { cosignerKeyString } from '../../log/cosignature.js'
import { readJson } from '../../store/json-column.js'
import type { NodeRuntime } from '../runtime.js'
import { openAttachment, storeAttachment } from '../services/attachments.js'
import { fetchEvidence, serveEvidence } from '../services/evidence-transfer.js'
import { receive } from '../services/inbox.js'
import { rotateKeys } from '../services/key-rotation.js'
import { activeKey } from '../services/node-keys.js'
import {
  act,
  compareScreening,
  createDraft,
  getRequest,
  history,
  listRequests,
  recordFindings,
  updateDraft,
} from '../services/requests.js'
import { firstRole, requireRole, signIn } from '../services/users.js'
import { listAlarms, listWitnessed } from '../services/witness.js'
import { actionBody, draftBody, errors, idParams, listQuery, signInBody } from './schemas.js'
import { secured, userOf } from './session.js'

/** Stream a stored file with its length and SHA-256 (the receiver checks them). */
function sendFile(reply: FastifyReply, file: Awaited<ReturnType<typeof openAttachment>>) {
  void reply
    .header('content-type', file.row.media_type)
    .header('content-length', file.row.size)
    .header('x-sha256', file.row.sha256)
  return reply.send(file.stream)
}

export function registerStateRoutes(
  app: FastifyInstance,
  rt: NodeRuntime,
  where: { url: () => string; secretariatUrl: string },
): void {
  const user = userOf(rt)

  app.post(
    '/v1/session',
    { schema: { tags: ['auth'], body: signInBody, response: errors } },
    async (req) => {
      const b = req.body as { username: string; password: string }
      return signIn(rt.store, activeKey(rt.keys, 'sig'), rt.settings.state, b.username, b.password)
    },
  )

  app.get('/v1/me', { schema: { tags: ['auth'], ...secured } }, async (req) => ({
    state: rt.settings.state,
    user: await user(req),
  }))

  app.get('/v1/registry', { schema: { tags: ['registry'] } }, async () => {
    const s = rt.snapshot.directory.snapshot
    return {
      version: s.version,
      issuedAt: s.issuedAt,
      registry: s.registry,
      nodes: s.nodes.map((n) => ({
        state: n.state,
        url: n.url,
        keys: n.keys.map(({ kid, use, status }) => ({ kid, use, status })),
      })),
    }
  })

  app.get('/v1/actions', { schema: { tags: ['requests'] } }, async () => ACTIONS)

  app.post(
    '/v1/requests',
    { schema: { tags: ['requests'], body: draftBody, ...secured } },
    async (req, reply) => {
      const u = await user(req)
      requireRole(u, ['drafter', 'approver', 'desk247'])
      const view = await createDraft(
        rt,
        u,
        req.body as { request: unknown; profile?: string; followUpOf?: string },
      )
      return reply.status(201).send(view)
    },
  )

  app.get(
    '/v1/requests',
    { schema: { tags: ['requests'], querystring: listQuery, ...secured } },
    async (req) => {
      await user(req)
      const q = req.query as {
        direction?: string
        state?: string
        overdue?: string
        alerts?: string
      }
      return {
        requests: await listRequests(rt, {
          ...(q.direction ? { direction: q.direction } : {}),
          ...(q.state ? { state: q.state } : {}),
          overdue: q.overdue === 'true',
          alerts: q.alerts === 'true',
        }),
      }
    },
  )

  app.get(
    '/v1/requests/:id',
    { schema: { tags: ['requests'], params: idParams, ...secured } },
    async (req) => {
      await user(req)
      const { id } = req.params as { id: string }
      return { ...(await getRequest(rt, id)), history: await history(rt, id) }
    },
  )

  app.put(
    '/v1/requests/:id',
    { schema: { tags: ['requests'], params: idParams, body: draftBody, ...secured } },
    async (req) => {
      const u = await user(req)
      requireRole(u, ['drafter', 'approver', 'desk247'])
      return updateDraft(rt, (req.params as { id: string }).id, req.body as { request: unknown })
    },
  )

  app.put(
    '/v1/requests/:id/findings',
    { schema: { tags: ['requests'], params: idParams, body: { type: 'object' }, ...secured } },
    async (req) => {
      const u = await user(req)
      requireRole(u, ['approver', 'desk247'])
      return recordFindings(rt, (req.params as { id: string }).id, req.body)
    },
  )

  app.get(
    '/v1/requests/:id/compare',
    { schema: { tags: ['requests'], params: idParams, ...secured } },
    async (req) => {
      await user(req)
      return compareScreening(rt, await getRequest(rt, (req.params as { id: string }).id))
    },
  )

  app.post(
    '/v1/requests/:id/actions',
    { schema: { tags: ['requests'], params: idParams, body: actionBody, ...secured } },
    async (req) => {
      const u = await user(req)
      return act(
        rt,
        u,
        (req.params as { id: string }).id,
        req.body as {
          action: string
          reasons?: string | null
          note?: string | null
          conditions?: unknown
        },
      )
    },
  )

  app.post(
    '/v1/requests/:id/attachments',
    {
      schema: { tags: ['evidence'], params: idParams, ...secured },
      bodyLimit: Number.MAX_SAFE_INTEGER,
    },
    async (req, reply) => {
      const u = await user(req)
      const role = firstRole(u, ['approver', 'desk247', 'drafter'])
      if (req.headers['content-type'] !== 'application/octet-stream') {
        throw new RogatoryError(
          'ERR_INPUT_INVALID',
          'upload the file as application/octet-stream',
          { path: 'content-type' },
        )
      }
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''))
      const mediaType = String(req.headers['x-media-type'] ?? 'application/octet-stream').slice(
        0,
        200,
      )
      const view = await storeAttachment(
        rt,
        (req.params as { id: string }).id,
        { name, mediaType, role },
        req.body as Readable,
      )
      return reply.status(201).send(view)
    },
  )

  app.get(
    '/v1/requests/:id/attachments/:aid',
    { schema: { tags: ['evidence'], ...secured } },
    async (req, reply) => {
      await user(req)
      const { id, aid } = req.params as { id: string; aid: string }
      return sendFile(reply, await openAttachment(rt, id, aid))
    },
  )

  app.post(
    '/v1/requests/:id/attachments/:aid/fetch',
    {
      schema: {
        tags: ['evidence'],
        description:
          'Fetch evidence the requested State announced, checked against its announced size and SHA-256.',
        ...secured,
      },
    },
    async (req) => {
      const role = firstRole(await user(req), ['approver', 'desk247', 'drafter'])
      const { id, aid } = req.params as { id: string; aid: string }
      return fetchEvidence(rt, id, aid, role)
    },
  )

  app.get(
    '/v1/federation/evidence/:id/:aid',
    {
      schema: {
        tags: ['federation'],
        description:
          'Another node fetches evidence for a request it sent; authorised by a short-lived JWS signed with its registered key.',
      },
    },
    async (req, reply) => {
      const { id, aid } = req.params as { id: string; aid: string }
      return sendFile(reply, await serveEvidence(rt, req.headers.authorization, id, aid))
    },
  )

  app.get(
    '/v1/alarms',
    {
      schema: {
        tags: ['log'],
        description: 'Alarms raised by witnessing (split views, bad checkpoints).',
        ...secured,
      },
    },
    async (req) => {
      await user(req)
      return {
        alarms: (await listAlarms(rt)).map((a) => ({
          ...a,
          detail: readJson(a.detail),
        })),
      }
    },
  )

  app.get(
    '/v1/log/witnessed',
    {
      schema: {
        tags: ['log'],
        description:
          "The latest checkpoint of each peer's log this node has checked, with its cosignature (C2SP tlog-cosignature).",
      },
    },
    async () => ({
      witness: cosignerKeyString(rt.witness),
      logs: (await listWitnessed(rt)).map((w) => ({ ...w, size: Number(w.size) })),
    }),
  )

  app.post(
    '/v1/admin/rotate-keys',
    {
      schema: {
        tags: ['admin'],
        description: 'New signing and encryption keys; the old ones are retired in the register.',
        ...secured,
      },
    },
    async (req) => {
      requireRole(await user(req), ['admin'])
      const snapshot = await rotateKeys(rt, {
        url: where.url(),
        secretariatUrl: where.secretariatUrl,
      })
      return {
        version: snapshot.version,
        keys: rt.keys.map(({ kid, use, status }) => ({ kid, use, status })),
      }
    },
  )

  app.post(
    '/v1/inbox',
    {
      schema: {
        tags: ['federation'],
        description:
          'Another node delivers a sealed message (compact JWE, application/jose); the answer carries the signed receipt.',
      },
    },
    async (req) => {
      // Tessera-style pushback: while the log integrates a backlog, senders retry later (503 + Retry-After).
      if (rt.log.pushback()) throw new RogatoryError('ERR_PUSHBACK')
      const r = await receive(rt, req.body)
      return { receipt: r.receipt, duplicate: r.duplicate }
    },
  )
}
