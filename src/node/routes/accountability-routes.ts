/**
 * @module node/routes/accountability-routes
 *
 * The accountability API of a State node: evidence packages and custody,
 * use decisions and consents, confidentiality and notices, retention and
 * deletion records.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { NodeRuntime } from '../runtime.js'
import { answerConsent, askConsent, listConsents } from '../services/consents.js'
import { exportPackage } from '../services/evidence-packages.js'
import { fetchPeerCustody, serveCustody } from '../services/evidence-transfer.js'
import {
  getConfidentiality,
  listNotices,
  markConfidential,
  raiseDueNotices,
  settleNotice,
} from '../services/notices.js'
import { listDeletions, retentionSchedule, runDeletions } from '../services/retention.js'
import { requireRole } from '../services/users.js'
import { decide, listDecisions } from '../services/uses.js'
import { idParams } from './schemas.js'
import { secured, userOf } from './session.js'

const anyObject = { type: 'object' } as const

export function registerAccountabilityRoutes(app: FastifyInstance, rt: NodeRuntime): void {
  const user = userOf(rt)
  const id = (req: FastifyRequest) => (req.params as { id: string }).id

  app.get(
    '/v1/requests/:id/evidence-package',
    {
      schema: {
        tags: ['evidence'],
        description:
          'The evidence package of a request: signed manifest, custody steps with log inclusion proofs, file list (rogatory-evidence-package/1). Files are downloaded from the attachments endpoint.',
        params: idParams,
        ...secured,
      },
    },
    async (req) => {
      await user(req)
      const rid = id(req)
      return exportPackage(rt, rid, (producer) => fetchPeerCustody(rt, rid, producer))
    },
  )

  app.get(
    '/v1/federation/custody/:id',
    {
      schema: {
        tags: ['federation'],
        description:
          "The requested node's custody steps for a request, with inclusion proofs; for the requesting node, authorised by its signed fetch token.",
        params: idParams,
      },
    },
    async (req) => serveCustody(rt, req.headers.authorization, id(req)),
  )

  app.post(
    '/v1/requests/:id/uses',
    {
      schema: {
        tags: ['restrictions'],
        description:
          'Decide a proposed use, disclosure or onward transfer against the restrictions (40(19), 40(20), 40(27), 36(3)); refused uses answer ERR_USE_RESTRICTED. Every decision is logged.',
        params: idParams,
        body: anyObject,
        ...secured,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await decide(rt, await user(req), id(req), req.body)),
  )

  app.get(
    '/v1/requests/:id/uses',
    { schema: { tags: ['restrictions'], params: idParams, ...secured } },
    async (req) => {
      await user(req)
      return { decisions: await listDecisions(rt, id(req)) }
    },
  )

  app.post(
    '/v1/requests/:id/consents',
    {
      schema: {
        tags: ['restrictions'],
        description:
          'Ask the State that furnished the information for consent (40(19)) or written authorisation (36(3)).',
        params: idParams,
        body: anyObject,
        ...secured,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await askConsent(rt, await user(req), id(req), req.body)),
  )

  app.get(
    '/v1/requests/:id/consents',
    { schema: { tags: ['restrictions'], params: idParams, ...secured } },
    async (req) => {
      await user(req)
      return { consents: await listConsents(rt, id(req)) }
    },
  )

  app.post(
    '/v1/requests/:id/consents/:cid',
    {
      schema: {
        tags: ['restrictions'],
        description: 'Grant or refuse (with reasons) a consent the requesting State asked for.',
        body: {
          type: 'object',
          properties: {
            granted: { type: 'boolean' },
            reasons: { type: ['string', 'null'], maxLength: 20000 },
          },
          required: ['granted'],
          additionalProperties: false,
        },
        ...secured,
      },
    },
    async (req) => {
      const p = req.params as { id: string; cid: string }
      return answerConsent(
        rt,
        await user(req),
        p.id,
        p.cid,
        req.body as { granted: boolean; reasons?: string },
      )
    },
  )

  app.put(
    '/v1/requests/:id/confidentiality',
    {
      schema: {
        tags: ['notices'],
        description:
          'Mark an outgoing request confidential (40(20), 42(2)(g)) until a review date, naming the people to tell when it ends.',
        params: idParams,
        body: anyObject,
        ...secured,
      },
    },
    async (req) => markConfidential(rt, await user(req), id(req), req.body),
  )

  app.get(
    '/v1/requests/:id/confidentiality',
    { schema: { tags: ['notices'], params: idParams, ...secured } },
    async (req) => {
      await user(req)
      return { confidentiality: await getConfidentiality(rt, id(req)) }
    },
  )

  app.get(
    '/v1/notices',
    {
      schema: {
        tags: ['notices'],
        description: 'Notices to the people concerned, raised when confidentiality ends.',
        querystring: {
          type: 'object',
          properties: { status: { type: 'string', enum: ['due', 'sent', 'deferred'] } },
          additionalProperties: false,
        },
        ...secured,
      },
    },
    async (req) => {
      await user(req)
      return { notices: await listNotices(rt, (req.query as { status?: string }).status) }
    },
  )

  for (const how of ['send', 'defer'] as const)
    app.post(
      `/v1/notices/:id/${how}`,
      {
        schema: {
          tags: ['notices'],
          description:
            how === 'send'
              ? 'Record that a due notice was sent.'
              : 'Defer a due notice for a reason (logged as a salted hash) until a date.',
          params: idParams,
          ...secured,
        },
      },
      async (req) => settleNotice(rt, await user(req), id(req), how, req.body),
    )

  app.get(
    '/v1/retention',
    {
      schema: {
        tags: ['retention'],
        description: 'What is due for deletion, when and why, and the deletion records made.',
        ...secured,
      },
    },
    async (req) => {
      await user(req)
      return { schedule: await retentionSchedule(rt), deletions: await listDeletions(rt) }
    },
  )

  app.post(
    '/v1/retention/run',
    {
      schema: {
        tags: ['retention'],
        description:
          'Run housekeeping now (admin): raise notices whose confidentiality review date has come, and delete everything due.',
        ...secured,
      },
    },
    async (req) => {
      requireRole(await user(req), ['admin'])
      const noticesRaised = await raiseDueNotices(rt)
      return { deleted: await runDeletions(rt), noticesRaised }
    },
  )
}
