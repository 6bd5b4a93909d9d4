/**
 * @module node/routes/ui-routes
 *
 * What the web UI needs beyond the request API: the reference lists the
 * composer prompts from (request types, conduct codes, required contents
 * per type under the node's profile), provision text for citations, the
 * log view of a case, an evidence-package check, the reviewer dashboard —
 * and the UI itself, built by Vite into `dist/web` and served at `/`.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { verifyPackage } from '../../evidence/verify-package.js'
import { hashFile } from '../../lib/hash-file.js'
import { ACTIONS, ROLES, STATES } from '../../lifecycle/lifecycle.js'
import { CHANNELS, CONDUCT_CODES, REQUEST_TYPES } from '../../treaty/codes.js'
import { requiredFieldSpecs } from '../../treaty/engine/required-fields.js'
import { PROFILE_INFO, PROFILES, parseProfile } from '../../treaty/profile.js'
import { findProvision } from '../../treaty/provisions/catalog.js'
import type { NodeRuntime } from '../runtime.js'
import { dashboard } from '../services/dashboard.js'
import { exportPackage } from '../services/evidence-packages.js'
import { fetchPeerCustody } from '../services/evidence-transfer.js'
import { transitionsInLog } from '../services/log-views.js'
import { requireRole } from '../services/users.js'
import { idParams } from './schemas.js'
import { secured, userOf } from './session.js'

/** `dist/web`, from `src/node/routes` (tests) or `dist/node/routes` (built). */
export const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url))

export async function registerUiRoutes(app: FastifyInstance, rt: NodeRuntime): Promise<void> {
  const user = userOf(rt)

  app.get('/v1/reference', { schema: { tags: ['reference'] } }, async () => ({
    state: rt.settings.state,
    profile: rt.settings.profile,
    profiles: PROFILES.map((id) => ({ ...PROFILE_INFO[id], id })),
    requestTypes: REQUEST_TYPES,
    conductCodes: CONDUCT_CODES,
    channels: CHANNELS,
    roles: ROLES,
    states: STATES,
    actions: ACTIONS,
    requiredFields: Object.fromEntries(
      REQUEST_TYPES.map((t) => [t, requiredFieldSpecs(rt.settings.profile, t)]),
    ),
  }))

  app.get(
    '/v1/provisions/:id',
    {
      schema: {
        tags: ['reference'],
        description:
          'A provision as held for a profile: text (or a labelled summary), title, trust mark, source.',
        querystring: {
          type: 'object',
          properties: { profile: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const id = decodeURIComponent((req.params as { id: string }).id)
      const profile = parseProfile(
        (req.query as { profile?: string }).profile ?? rt.settings.profile,
        'query.profile',
      )
      const p = findProvision(profile, id)
      if (!p)
        throw new RogatoryError('ERR_UNKNOWN_PROVISION', `${id} is not held for ${profile}`, {
          path: 'id',
        })
      return p
    },
  )

  app.get(
    '/v1/requests/:id/log',
    {
      schema: {
        tags: ['log'],
        description: 'Each transition of the request with its log entry and inclusion proof.',
        params: idParams,
        ...secured,
      },
    },
    async (req) => {
      await user(req)
      return transitionsInLog(rt, (req.params as { id: string }).id)
    },
  )

  app.get(
    '/v1/requests/:id/evidence-package/check',
    {
      schema: {
        tags: ['evidence'],
        description:
          "Build the request's evidence package and verify it as `rogatory evidence verify` does, against the register and the files this node holds.",
        params: idParams,
        ...secured,
      },
    },
    async (req) => {
      await user(req)
      const rid = (req.params as { id: string }).id
      const { files: _files, ...pkg } = await exportPackage(rt, rid, (producer) =>
        fetchPeerCustody(rt, rid, producer),
      )
      const rows = await rt.store.db
        .selectFrom('attachments')
        .select(['id', 'path'])
        .where('request_id', '=', rid)
        .execute()
      const paths = new Map(rows.filter((r) => r.path !== '').map((r) => [r.id, r.path]))
      try {
        const r = await verifyPackage(pkg, rt.snapshot.directory, {
          stat: async (id) => (paths.has(id) ? hashFile(paths.get(id)!) : undefined),
          list: async () => [...paths.keys()],
        })
        return { ok: true, manifest: r.manifest, custody: r.custody }
      } catch (e) {
        if (e instanceof RogatoryError) return { ok: false, code: e.code, message: e.message }
        throw e
      }
    },
  )

  app.get(
    '/v1/dashboard',
    { schema: { tags: ['review'], description: 'Counts and queues for reviewers.', ...secured } },
    async (req) => {
      requireRole(await user(req), ['reviewer', 'admin', 'approver'])
      return dashboard(rt)
    },
  )

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', index: ['index.html'] })
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain')
        .send('The web UI is not built: run npm install (or npm run build:web).\n'),
    )
  }
}
