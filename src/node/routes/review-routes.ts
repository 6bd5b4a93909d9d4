/**
 * @module node/routes/review-routes
 *
 * Review: signed statistics releases (public), published by reviewers.
 */
import type { FastifyInstance } from 'fastify'
import { type SimulationInput, simulate } from '../../review/simulator.js'
import { readJson } from '../../store/json-column.js'
import type { NodeRuntime } from '../runtime.js'
import { addComment, countryReport } from '../services/review-report.js'
import { getRelease, listReleases, publishRelease } from '../services/statistics-releases.js'
import { requireRole } from '../services/users.js'
import { secured, userOf } from './session.js'

export function registerReviewRoutes(app: FastifyInstance, rt: NodeRuntime): void {
  const user = userOf(rt)

  app.post(
    '/v1/statistics/releases',
    {
      schema: {
        tags: ['review'],
        description:
          "Compute, sign and log this node's statistics for a quarter (reviewer or admin). Small cells are suppressed (docs/statistics.md).",
        body: {
          type: 'object',
          properties: {
            period: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' },
            threshold: { type: 'integer', minimum: 2, maximum: 100 },
          },
          required: ['period'],
          additionalProperties: false,
        },
        ...secured,
      },
    },
    async (req, reply) => {
      requireRole(await user(req), ['reviewer', 'admin'])
      return reply
        .status(201)
        .send(await publishRelease(rt, req.body as { period: string; threshold?: number }))
    },
  )

  app.get(
    '/v1/statistics/releases',
    { schema: { tags: ['review'], description: 'The statistics releases of this node (public).' } },
    async () => ({ node: rt.settings.state, releases: await listReleases(rt) }),
  )

  app.get(
    '/v1/statistics/releases/:hash',
    { schema: { tags: ['review'], description: 'One signed release (compact JWS), public.' } },
    async (req) => getRelease(rt, (req.params as { hash: string }).hash),
  )

  app.post(
    '/v1/review/comments',
    {
      schema: {
        tags: ['review'],
        description:
          "A reviewer's comment on the country review report of a period: signed and logged.",
        body: {
          type: 'object',
          properties: { period: { type: 'string' }, text: { type: 'string', maxLength: 5000 } },
          required: ['period', 'text'],
          additionalProperties: false,
        },
        ...secured,
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addComment(rt, await user(req), req.body as { period: string; text: string })),
  )

  app.get(
    '/review/report',
    {
      schema: {
        tags: ['review'],
        description:
          "This State's country review report for a quarter, as HTML (public data only).",
        querystring: {
          type: 'object',
          properties: { period: { type: 'string' } },
          required: ['period'],
          additionalProperties: false,
        },
      },
    },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await countryReport(rt, (req.query as { period: string }).period)),
  )

  app.post(
    '/v1/simulate',
    {
      schema: {
        tags: ['review'],
        description:
          "The profile simulator on this node's own requests (the demo traffic): every request re-assessed under the three texts.",
        ...secured,
      },
    },
    async (req) => {
      requireRole(await user(req), ['reviewer', 'admin', 'approver'])
      const rows = await rt.store.db.selectFrom('requests').select(['body']).execute()
      const inputs = rows.map((r) => readJson<SimulationInput>(r.body))
      return simulate(inputs, {
        registry: rt.snapshot.registry,
        asOf: rt.settings.treatyDate ?? new Date().toISOString().slice(0, 10),
      })
    },
  )
}
