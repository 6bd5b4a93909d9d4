/** What every authenticated route shares: the OpenAPI security marker, and the signed-in user of a request. */
import type { FastifyRequest } from 'fastify'
import type { NodeRuntime } from '../runtime.js'
import { authenticate, type User } from '../services/users.js'

export const secured = { security: [{ bearer: [] }] }

/** The user a request's bearer token names, checked against this node's keys. */
export const userOf =
  (rt: NodeRuntime) =>
  (req: FastifyRequest): Promise<User> =>
    authenticate(rt.store, rt.keys, rt.settings.state, req.headers.authorization)
