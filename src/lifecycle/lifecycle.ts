/**
 * @module lifecycle/lifecycle
 *
 * The life of a request, as an explicit state machine. Each action is
 * allowed from named states, for named roles, on one side (the requesting
 * or the requested node). Anything else is ERR_TRANSITION_NOT_ALLOWED or
 * ERR_FORBIDDEN_ROLE. Refusal needs reasons (Art 40(24)); consultation
 * before refusal (40(27)) is an exchange of messages.
 */
import { RogatoryError } from '../errors/rogatory-error.js'

export const ROLES = ['drafter', 'approver', 'desk247', 'reviewer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const STATES = [
  'draft',
  'approved',
  'sent',
  'delivered',
  'received',
  'acknowledged',
  'under-review',
  'consulting',
  'executed',
  'partially-executed',
  'postponed',
  'refused',
  'withdrawn',
  'closed',
] as const
export type RequestState = (typeof STATES)[number]

export type Side = 'outgoing' | 'incoming'

export interface ActionSpec {
  readonly from: readonly RequestState[]
  readonly to: RequestState
  readonly side: Side
  readonly roles: readonly Role[]
  /** Sends a message of this kind to the other node. */
  readonly message?: 'request' | 'status' | 'consultation' | 'withdrawal'
  /** A written reason is required (refusal: 40(24); postponement: 40(26)). */
  readonly reasonsRequired?: boolean
  readonly cites?: string
}

const OPERATOR: readonly Role[] = ['approver', 'desk247']

export const ACTIONS = {
  approve: { from: ['draft'], to: 'approved', side: 'outgoing', roles: ['approver', 'desk247'] },
  send: {
    from: ['approved'],
    to: 'sent',
    side: 'outgoing',
    roles: ['approver', 'desk247'],
    message: 'request',
    cites: '40(12)',
  },
  'answer-consultation': {
    from: ['consulting'],
    to: 'consulting',
    side: 'outgoing',
    roles: ['approver'],
    message: 'consultation',
    reasonsRequired: true,
    cites: '40(27)',
  },
  withdraw: {
    from: ['draft', 'approved', 'sent', 'delivered'],
    to: 'withdrawn',
    side: 'outgoing',
    roles: ['approver'],
    message: 'withdrawal',
    cites: '40(25)',
  },
  acknowledge: {
    from: ['received'],
    to: 'acknowledged',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
  },
  review: {
    from: ['acknowledged', 'consulting', 'postponed'],
    to: 'under-review',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
  },
  consult: {
    from: ['acknowledged', 'under-review', 'consulting'],
    to: 'consulting',
    side: 'incoming',
    roles: OPERATOR,
    message: 'consultation',
    reasonsRequired: true,
    cites: '40(27)',
  },
  execute: {
    from: ['under-review', 'consulting'],
    to: 'executed',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
    cites: '40(25)',
  },
  'partially-execute': {
    from: ['under-review', 'consulting'],
    to: 'partially-executed',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
    reasonsRequired: true,
    cites: '40(24)',
  },
  postpone: {
    from: ['under-review', 'consulting'],
    to: 'postponed',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
    reasonsRequired: true,
    cites: '40(26)',
  },
  refuse: {
    from: ['under-review', 'consulting'],
    to: 'refused',
    side: 'incoming',
    roles: ['approver'],
    message: 'status',
    reasonsRequired: true,
    cites: '40(24)',
  },
  /** Art 42(7): the preservation is extended (once, by the profile's rules), at the requesting State's request. */
  'extend-preservation': {
    from: ['executed'],
    to: 'executed',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
    cites: '42(7)',
  },
  close: {
    from: ['executed', 'partially-executed', 'refused', 'withdrawn'],
    to: 'closed',
    side: 'incoming',
    roles: OPERATOR,
    message: 'status',
  },
} as const satisfies Record<string, ActionSpec>

export type Action = keyof typeof ACTIONS

export const isAction = (a: unknown): a is Action =>
  typeof a === 'string' && Object.hasOwn(ACTIONS, a)

/** Check an action against the machine; returns its spec or throws a stable error. */
export function checkTransition(input: {
  action: string
  state: RequestState
  side: Side
  roles: readonly Role[]
  reasons?: string | null
}): ActionSpec & { action: Action } {
  if (!isAction(input.action)) {
    throw new RogatoryError('ERR_INPUT_INVALID', `unknown action ${JSON.stringify(input.action)}`, {
      path: 'action',
    })
  }
  const spec: ActionSpec = ACTIONS[input.action]
  if (!spec.roles.some((r) => input.roles.includes(r))) {
    throw new RogatoryError(
      'ERR_FORBIDDEN_ROLE',
      `${input.action} needs one of: ${spec.roles.join(', ')}`,
    )
  }
  if (spec.side !== input.side || !spec.from.includes(input.state)) {
    throw new RogatoryError(
      'ERR_TRANSITION_NOT_ALLOWED',
      `cannot ${input.action} an ${input.side} request in state ${input.state}`,
    )
  }
  if (spec.reasonsRequired && !(input.reasons ?? '').trim()) {
    throw new RogatoryError(
      'ERR_INPUT_INVALID',
      `${input.action} requires reasons${spec.cites ? ` (Art ${spec.cites})` : ''}`,
      { path: 'reasons' },
    )
  }
  return { ...spec, action: input.action }
}

/** Decisions on a request (Art 40(24)–(26)): executed, partially executed or refused. */
const DECISIONS: ReadonlySet<RequestState> = new Set(['executed', 'partially-executed', 'refused'])
export const isDecision = (s: string): boolean => DECISIONS.has(s as RequestState)

/** States in which a request is with the other side and an answer is awaited (deadlines run). */
const AWAITING: ReadonlySet<RequestState> = new Set([
  'sent',
  'delivered',
  'received',
  'acknowledged',
  'under-review',
  'consulting',
  'postponed',
])
export const isAwaitingAnswer = (s: RequestState): boolean => AWAITING.has(s)

/**
 * Status updates received from the requested node move the requesting
 * side's copy along: exactly the states the requested side's messaging
 * actions lead to.
 */
export const STATUS_FROM_PEER: ReadonlySet<RequestState> = new Set(
  Object.values(ACTIONS as Record<string, ActionSpec>)
    .filter((a) => a.side === 'incoming' && a.message !== undefined)
    .map((a) => a.to),
)
