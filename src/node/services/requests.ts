/**
 * @module node/services/requests
 *
 * Drafting, screening and moving requests through the lifecycle. Every
 * transition is one transaction: the new state (guarded by the row's
 * version), the transition record and any outgoing message commit together.
 */
import { randomUUID } from 'node:crypto'
import type { Selectable, Transaction } from 'kysely'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { groupBy } from '../../lib/group-by.js'
import { fromZodError } from '../../lib/zod-error.js'
import {
  checkTransition,
  isAwaitingAnswer,
  isDecision,
  type RequestState,
  type Role,
} from '../../lifecycle/lifecycle.js'
import { readJson } from '../../store/json-column.js'
import type { Database, RequestsTable } from '../../store/schema.js'
import type { RequestType } from '../../treaty/codes.js'
import { answer } from '../../treaty/engine/answer.js'
import type { Assessment } from '../../treaty/engine/assessment.js'
import { PROFILES, type ProfileId } from '../../treaty/profile.js'
import {
  type Findings,
  findingsSchema,
  type Request,
  requestSchema,
} from '../../treaty/question-schema.js'
import {
  DEFAULT_RESTRICTIONS,
  type UseRestriction,
  useRestrictionsSchema,
} from '../../treaty/use/restrictions.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { producePackage } from './evidence-packages.js'
import { enqueue } from './outbox.js'
import { recordTransition } from './transitions.js'
import type { User } from './users.js'

/** Art 41(3)(d) emergency disclosure: the response target, in hours. */
export const EMERGENCY_RESPONSE_HOURS = 8

export interface RequestView {
  id: string
  direction: 'outgoing' | 'incoming'
  from: string
  to: string
  type: string
  state: RequestState
  profile: ProfileId
  request: Request
  findings: Findings
  screening: ScreeningView
  createdBy: string
  createdAt: string
  updatedAt: string
  responseDue: string | null
  /** Response overdue, or an emergency disclosure without its follow-up request in time. */
  overdue: boolean
  followUpOf: string | null
  deadlines: Deadlines
  version: number
}

export interface ScreeningView {
  readonly asOf: string
  readonly outcome: Assessment['outcome']
  readonly grounds: Assessment['grounds']
  readonly missingFields: Assessment['missingFields']
  readonly obligations: Assessment['obligations']
  readonly excludedGrounds: Assessment['excludedGrounds']
  readonly trail: Assessment['trail']
}

function toView(
  rt: NodeRuntime,
  row: Selectable<RequestsTable>,
  followUps: FollowUps,
): RequestView {
  const body = readJson<{ request: Request; findings: Findings }>(row.body)
  const open = isAwaitingAnswer(row.state as RequestState)
  const d = deadlines(rt, row, followUps)
  return {
    id: row.id,
    direction: row.direction,
    from: row.from_state,
    to: row.to_state,
    type: row.type,
    state: row.state as RequestState,
    profile: row.profile as ProfileId,
    request: body.request,
    findings: body.findings,
    screening: readJson<ScreeningView>(row.screening),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    responseDue: row.response_due,
    overdue:
      (open && row.response_due !== null && row.response_due < nowIso(rt)) || d.followUpOverdue,
    followUpOf: row.follow_up_of,
    deadlines: d,
    version: row.version,
  }
}

/** Days within which an emergency disclosure must be followed by a formal request (our policy; Art 41(3)(d) sets none). */
export const EMERGENCY_FOLLOW_UP_DAYS = 30

export interface Deadlines {
  /** Emergency disclosure: when the formal follow-up request is due, and whether one exists. */
  readonly followUpDue: string | null
  readonly followedUp: boolean
  readonly followUpOverdue: boolean
  /** Preservation: how long the data are (or must be) kept, from the treaty engine (Art 42). */
  readonly preservation: {
    readonly from: string
    readonly until: string | null
    readonly kind: 'maximum' | 'minimum'
    readonly cites: readonly string[]
  } | null
}

/** Per list call: requests that follow up another (by the id they follow up), and preservation extensions (dates, by request id). */
interface FollowUps extends ReadonlyMap<string, string> {
  readonly extensions?: ReadonlyMap<string, readonly string[]>
}

function deadlines(
  rt: NodeRuntime,
  row: Selectable<RequestsTable>,
  followUps: FollowUps,
): Deadlines {
  const now = nowIso(rt)
  let followUpDue: string | null = null
  const followedUp = followUps.has(row.id)
  if (row.type === 'emergency-disclosure' && row.sent_at) {
    followUpDue = new Date(
      Date.parse(row.sent_at) + EMERGENCY_FOLLOW_UP_DAYS * 86_400_000,
    ).toISOString()
  }
  let preservation: Deadlines['preservation'] = null
  if (row.type === 'preservation' && row.decided_at && row.state !== 'refused') {
    const preservedOn = row.decided_at.slice(0, 10)
    const mla = followUps.get(row.id)?.slice(0, 10) ?? null
    const a = answer(
      {
        kind: 'preservation-period',
        preservedOn,
        extensions: [...(followUps.extensions?.get(row.id) ?? [])],
        mlaRequestReceived: mla,
      },
      { profile: row.profile as ProfileId, asOf: preservedOn, registry: rt.snapshot.registry },
    )
    const kind = a.dates.maximumUntil ? 'maximum' : 'minimum'
    preservation = {
      from: preservedOn,
      until: a.obligations.includes('preserve-pending-decision')
        ? null
        : (a.dates.maximumUntil ?? a.dates.minimumUntil ?? null),
      kind,
      cites: a.trail.flatMap((s) => s.cites),
    }
  }
  return {
    followUpDue,
    followedUp,
    followUpOverdue: followUpDue !== null && !followedUp && followUpDue < now,
    preservation,
  }
}

/** id → when its follow-up was sent or received, for the given requests only. */
async function followUpsOf(rt: NodeRuntime, ids: readonly string[]): Promise<FollowUps> {
  if (ids.length === 0) return new Map()
  const rows = await rt.store.db
    .selectFrom('requests')
    .select(['follow_up_of', 'sent_at', 'created_at'])
    .where('follow_up_of', 'in', ids)
    .execute()
  const ext = await rt.store.db
    .selectFrom('transitions')
    .select(['request_id', 'at'])
    .where('request_id', 'in', ids)
    .where('action', 'in', ['extend-preservation', 'status:extend-preservation'])
    .orderBy('id')
    .execute()
  const extensions = groupBy(
    ext,
    (e) => e.request_id,
    (e) => e.at.slice(0, 10),
  )
  return Object.assign(new Map(rows.map((r) => [r.follow_up_of!, r.sent_at ?? r.created_at])), {
    extensions,
  })
}

/** The views of some rows, with the follow-ups their deadlines depend on. */
export async function withFollowUps(
  rt: NodeRuntime,
  rows: Selectable<RequestsTable>[],
): Promise<RequestView[]> {
  const f = await followUpsOf(
    rt,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toView(rt, r, f))
}

/** Run the treaty engine on a request as this node sees it (registry from the signed snapshot). */
export function screen(
  rt: NodeRuntime,
  request: Request,
  findings: Findings,
  profile: ProfileId,
): ScreeningView {
  const asOf = rt.settings.treatyDate ?? nowIso(rt).slice(0, 10)
  const a = answer(
    { kind: 'assess-request', request, findings },
    { profile, asOf, registry: rt.snapshot.registry },
  )
  return {
    asOf,
    outcome: a.outcome,
    grounds: a.grounds,
    missingFields: a.missingFields,
    obligations: a.obligations,
    excludedGrounds: a.excludedGrounds,
    trail: a.trail,
  }
}

export function compareScreening(rt: NodeRuntime, view: RequestView) {
  return Object.fromEntries(PROFILES.map((p) => [p, screen(rt, view.request, view.findings, p)]))
}

/** The deadline a request carries: the emergency target, else the deadline the requester gave with reasons (40(25)). */
function responseDue(rt: NodeRuntime, request: Request): string | null {
  if (request.type === 'emergency-disclosure') {
    return new Date(rt.settings.now().getTime() + EMERGENCY_RESPONSE_HOURS * 3600_000).toISOString()
  }
  return request.deadlineRequested ? `${request.deadlineRequested}T23:59:59.000Z` : null
}

/** Parse a draft as sent by a client: the sender is always this node's State. */
export function parseDraft(rt: NodeRuntime, input: unknown): Request {
  const raw =
    typeof input === 'object' && input !== null
      ? { ...(input as Record<string, unknown>), from: rt.settings.state }
      : input
  const parsed = requestSchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) throw fromZodError('ERR_INPUT_INVALID', parsed.error, 'body.request')
  return parsed.data
}

export async function createDraft(
  rt: NodeRuntime,
  user: User,
  input: { request: unknown; profile?: string; followUpOf?: string },
): Promise<RequestView> {
  const request = parseDraft(rt, input.request)
  if (input.followUpOf !== undefined) {
    const first = await getRequest(rt, input.followUpOf)
    if (
      !['emergency-disclosure', 'preservation'].includes(first.type) ||
      first.direction !== 'outgoing' ||
      first.to !== request.to
    ) {
      throw new RogatoryError(
        'ERR_INPUT_INVALID',
        'a follow-up answers an emergency disclosure or a preservation this node sent to the same State',
        { path: 'body.followUpOf' },
      )
    }
  }
  const profile = (PROFILES as readonly string[]).includes(input.profile ?? '')
    ? (input.profile as ProfileId)
    : rt.settings.profile
  const findings = findingsSchema.parse({})
  const screening = screen(rt, request, findings, profile)
  const id = randomUUID()
  const now = nowIso(rt)
  await rt.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('requests')
      .values({
        id,
        direction: 'outgoing',
        from_state: request.from,
        to_state: request.to,
        type: request.type,
        state: 'draft',
        profile,
        body: JSON.stringify({ request, findings }),
        screening: JSON.stringify(screening),
        created_by: user.username,
        created_at: now,
        updated_at: now,
        response_due: null,
        sent_at: null,
        decided_at: null,
        follow_up_of: input.followUpOf ?? null,
        version: 0,
      })
      .execute()
    await recordTransition(trx, rt.settings.state, {
      request_id: id,
      from_state: null,
      to_state: 'draft',
      action: 'draft',
      actor: user.username,
      actor_role: 'drafter',
      detail: JSON.stringify({ outcome: screening.outcome }),
      at: now,
    })
  })
  return getRequest(rt, id)
}

export async function updateDraft(
  rt: NodeRuntime,
  id: string,
  input: { request: unknown },
): Promise<RequestView> {
  const current = await getRequest(rt, id)
  if (current.direction !== 'outgoing' || current.state !== 'draft') {
    throw new RogatoryError('ERR_TRANSITION_NOT_ALLOWED', 'only drafts can be edited')
  }
  const request = parseDraft(rt, input.request)
  const screening = screen(rt, request, current.findings, current.profile)
  const res = await rt.store.db
    .updateTable('requests')
    .set({
      body: JSON.stringify({ request, findings: current.findings }),
      screening: JSON.stringify(screening),
      to_state: request.to,
      type: request.type,
      updated_at: nowIso(rt),
      version: current.version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', current.version)
    .executeTakeFirst()
  if (Number(res.numUpdatedRows) !== 1)
    throw new RogatoryError('ERR_TRANSITION_NOT_ALLOWED', 'the draft changed meanwhile; reload it')
  return getRequest(rt, id)
}

/** The requested side records its own findings and re-screens (the findings are its assessment). */
export async function recordFindings(
  rt: NodeRuntime,
  id: string,
  input: unknown,
): Promise<RequestView> {
  const current = await getRequest(rt, id)
  if (current.direction !== 'incoming')
    throw new RogatoryError(
      'ERR_TRANSITION_NOT_ALLOWED',
      'findings are made by the requested State',
    )
  const parsed = findingsSchema.safeParse(input, { reportInput: true })
  if (!parsed.success) throw fromZodError('ERR_INPUT_INVALID', parsed.error, 'body.findings')
  const screening = screen(rt, current.request, parsed.data, current.profile)
  await rt.store.db
    .updateTable('requests')
    .set({
      body: JSON.stringify({ request: current.request, findings: parsed.data }),
      screening: JSON.stringify(screening),
      updated_at: nowIso(rt),
      version: current.version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', current.version)
    .execute()
  return getRequest(rt, id)
}

export async function getRequest(rt: NodeRuntime, id: string): Promise<RequestView> {
  const row = await rt.store.db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new RogatoryError('ERR_REQUEST_NOT_FOUND', `no request ${id}`)
  return (await withFollowUps(rt, [row]))[0]!
}

export async function listRequests(
  rt: NodeRuntime,
  filter: { direction?: string; state?: string; overdue?: boolean; alerts?: boolean },
): Promise<RequestView[]> {
  let q = rt.store.db.selectFrom('requests').selectAll().orderBy('created_at', 'desc').limit(500)
  if (filter.direction) q = q.where('direction', '=', filter.direction as 'outgoing')
  if (filter.state) q = q.where('state', '=', filter.state)
  if (filter.alerts) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('outbox')
          .select('outbox.seq')
          .whereRef('outbox.request_id', '=', 'requests.id')
          .where('outbox.alert', '=', true)
          .where('outbox.delivered_at', 'is', null),
      ),
    )
  }
  const views = await withFollowUps(rt, await q.execute())
  return filter.overdue ? views.filter((v) => v.overdue) : views
}

export async function history(rt: NodeRuntime, id: string) {
  const [transitions, messages, inbox, attachments] = await Promise.all([
    rt.store.db
      .selectFrom('transitions')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute(),
    rt.store.db
      .selectFrom('outbox')
      .select([
        'message_id',
        'kind',
        'recipient',
        'created_at',
        'attempts',
        'delivered_at',
        'receipt',
        'last_error',
        'alert',
      ])
      .where('request_id', '=', id)
      .orderBy('created_at')
      .execute(),
    rt.store.db
      .selectFrom('inbox')
      .select(['message_id', 'kind', 'sender', 'received_at', 'message_hash', 'receipt'])
      .where('request_id', '=', id)
      .orderBy('received_at')
      .execute(),
    rt.store.db
      .selectFrom('attachments')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ])
  return {
    transitions: transitions.map((t) => ({ ...t, detail: readJson(t.detail) })),
    sent: messages,
    received: inbox,
    attachments: attachments.map((a) => ({
      ...a,
      size: Number(a.size),
      path: undefined,
      fetched: a.path !== '',
    })),
  }
}

/** Apply a user's action: state machine, roles, reasons, then one transaction with its message. */
export async function act(
  rt: NodeRuntime,
  user: User,
  id: string,
  input: { action: string; reasons?: string | null; note?: string | null; conditions?: unknown },
): Promise<RequestView> {
  const conditions = parseConditions(input.conditions)
  const current = await getRequest(rt, id)
  const spec = checkTransition({
    action: input.action,
    state: current.state,
    side: current.direction,
    roles: user.roles,
    reasons: input.reasons,
  })
  const role: Role = spec.roles.find((r) => user.roles.includes(r))!
  const peer = current.direction === 'outgoing' ? current.to : current.from
  if (spec.action === 'send' && current.screening.missingFields.length > 0) {
    throw new RogatoryError(
      'ERR_TRANSITION_NOT_ALLOWED',
      `complete the required contents first: ${current.screening.missingFields.join(', ')}`,
    )
  }
  if (spec.action === 'extend-preservation') {
    if (current.type !== 'preservation')
      throw new RogatoryError(
        'ERR_TRANSITION_NOT_ALLOWED',
        'only a preservation can be extended (Art 42(7))',
      )
    if (
      current.deadlines.preservation?.until === null ||
      (current.deadlines.preservation?.kind === 'maximum' && (await extendedBefore(rt, id)))
    )
      throw new RogatoryError(
        'ERR_TRANSITION_NOT_ALLOWED',
        'this preservation runs until the decision, or was already extended once (Art 42(7))',
      )
  }
  if (spec.message) await rt.snapshot.ensurePeer(peer)
  const now = nowIso(rt)
  const due = spec.action === 'send' ? responseDue(rt, current.request) : null
  await rt.store.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('requests')
      .set({
        state: spec.to,
        updated_at: now,
        version: current.version + 1,
        ...(spec.action === 'send' ? { response_due: due, sent_at: now } : {}),
        ...(isDecision(spec.to) ? { decided_at: now } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst()
    if (Number(res.numUpdatedRows) !== 1)
      throw new RogatoryError(
        'ERR_TRANSITION_NOT_ALLOWED',
        'the request changed meanwhile; reload it',
      )
    let messageId: string | null = null
    // A withdrawn draft never left this node: nothing to tell the peer.
    const tellsPeer =
      spec.message &&
      !(spec.action === 'withdraw' && (current.state === 'draft' || current.state === 'approved'))
    if (spec.message && tellsPeer) {
      const payload =
        spec.message === 'request'
          ? {
              request: current.request,
              profile: current.profile,
              responseDue: due,
              followUpOf: current.followUpOf,
              confidential: await confidentialityToSend(trx, id),
            }
          : {
              state: spec.to,
              action: spec.action,
              reasons: input.reasons ?? null,
              note: input.note ?? null,
              // Execution hands over the signed evidence manifest and the use restrictions; the files follow on request.
              ...(spec.to === 'executed' || spec.to === 'partially-executed'
                ? await decisionPayload(rt, trx, current, role, now, conditions)
                : {}),
            }
      messageId = await enqueue(rt, trx, {
        recipient: peer,
        requestId: id,
        kind: spec.message,
        payload,
      })
    }
    await recordTransition(
      trx,
      rt.settings.state,
      {
        request_id: id,
        from_state: current.state,
        to_state: spec.to,
        action: spec.action,
        actor: user.username,
        actor_role: role,
        detail: JSON.stringify({
          reasons: input.reasons ?? null,
          note: input.note ?? null,
          messageId,
          cites: spec.cites ?? null,
        }),
        at: now,
      },
      { id: messageId },
      {
        type: current.type,
        direction: current.direction,
        from_state: current.from,
        to_state: current.to,
        profile: current.profile,
        screening: current.screening,
        follow_up_of: current.followUpOf,
      },
    )
  })
  rt.wake()
  return getRequest(rt, id)
}

/** Conditions accepted after consultation (40(27)), given with an execution. */
function parseConditions(input: unknown): UseRestriction[] {
  if (input === undefined || input === null) return []
  const parsed = useRestrictionsSchema.safeParse(input)
  if (!parsed.success) throw fromZodError('ERR_INPUT_INVALID', parsed.error, 'conditions')
  const bad = parsed.data.findIndex((r) => r.kind !== 'condition')
  if (bad >= 0)
    throw new RogatoryError('ERR_INPUT_INVALID', 'only 40(27) conditions can be added', {
      path: `conditions[${bad}]`,
    })
  return parsed.data
}

/** What an execution tells the requesting State: restrictions, and the signed evidence package if any. */
async function decisionPayload(
  rt: NodeRuntime,
  trx: Transaction<Database>,
  current: RequestView,
  role: string,
  at: string,
  conditions: readonly UseRestriction[],
) {
  const pkg = await producePackage(rt, trx, {
    rid: current.id,
    to: current.from,
    type: current.type as RequestType,
    role,
    at,
    conditions,
  })
  return {
    restrictions: [...DEFAULT_RESTRICTIONS, ...conditions],
    ...(pkg ? { evidence: pkg.files, package: pkg.manifest } : {}),
  }
}

/** A confidentiality marking travels with the request (40(20), 42(2)(g)); the people concerned stay home. */
async function confidentialityToSend(trx: Transaction<Database>, id: string) {
  const c = await trx
    .selectFrom('confidentiality')
    .select(['basis', 'review_on'])
    .where('request_id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  return c ? { basis: c.basis, reviewOn: c.review_on } : null
}

async function extendedBefore(rt: NodeRuntime, id: string): Promise<boolean> {
  const row = await rt.store.db
    .selectFrom('transitions')
    .select('id')
    .where('request_id', '=', id)
    .where('action', '=', 'extend-preservation')
    .executeTakeFirst()
  return row !== undefined
}
