/** JSON schemas of the node API (fastify validates with them and OpenAPI publishes them). */
import { errorBodySchema } from '../http-errors.js'

export const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
}

export const idParams = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' } },
  required: ['id'],
  additionalProperties: false,
} as const

export const signInBody = {
  type: 'object',
  properties: {
    username: { type: 'string', maxLength: 64 },
    password: { type: 'string', maxLength: 1024 },
  },
  required: ['username', 'password'],
  additionalProperties: false,
} as const

/** The request itself is validated by the treaty engine's zod schema (one source of truth). */
export const draftBody = {
  type: 'object',
  properties: {
    request: { type: 'object' },
    profile: { type: 'string', enum: ['zero-draft-2023', 'ohchr-2023', 'adopted-2024'] },
    followUpOf: { type: 'string', format: 'uuid' },
  },
  required: ['request'],
  additionalProperties: false,
} as const

export const actionBody = {
  type: 'object',
  properties: {
    action: { type: 'string', maxLength: 40 },
    reasons: { type: ['string', 'null'], maxLength: 20000 },
    note: { type: ['string', 'null'], maxLength: 20000 },
    conditions: {
      type: 'array',
      maxItems: 20,
      items: { type: 'object' },
      description: 'Conditions accepted after consultation (Art 40(27)), on execution',
    },
  },
  required: ['action'],
  additionalProperties: false,
} as const

export const listQuery = {
  type: 'object',
  properties: {
    direction: { type: 'string', enum: ['outgoing', 'incoming'] },
    state: { type: 'string', maxLength: 40 },
    overdue: { type: 'string', enum: ['true', 'false'] },
    alerts: { type: 'string', enum: ['true', 'false'] },
  },
  additionalProperties: false,
} as const
