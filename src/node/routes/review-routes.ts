/**
 * @module node/routes/review-routes
 *
 * Review: signed statistics releases (public), published by reviewers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { NodeRuntime } from '../runtime.js'
import { getRelease, listReleases, publishRelease } from '../services/statistics-releases.js'
import { authenticate, requireRole, type User } from '../services/users.js'

const secured = { security: [{ bearer: [] }] }

export function registerReviewRoutes(app: FastifyInstance, rt: NodeRuntime): void {
  const user = (req: FastifyRequest): Promise<User> =>
    authenticate(rt.store, rt.keys, rt.settings.state, req.headers.authorization)

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
}
