/**
 * @module store/schema
 *
 * The tables a node keeps, as kysely types. One schema for both backends.
 * Timestamps are ISO strings (UTC) so that both drivers return the same
 * values; JSON columns are `jsonb`.
 */
import type { ColumnType, Generated } from 'kysely'

type Json = ColumnType<unknown, string, string>

export interface NodeKeysTable {
  kid: string
  /** sig and enc keys are published in the register; the log key only as a signed-note verifier key. */
  use: 'sig' | 'enc' | 'log' | 'witness'
  status: 'active' | 'retired' | 'revoked'
  private_jwk: Json
  public_jwk: Json
  created_at: string
}

export interface UsersTable {
  id: Generated<number>
  username: string
  password_hash: string
  roles: Json
  created_at: string
}

export interface SnapshotsTable {
  version: number
  jws: string
  fetched_at: string
}

export interface RequestsTable {
  id: string
  direction: 'outgoing' | 'incoming'
  from_state: string
  to_state: string
  type: string
  state: string
  profile: string
  body: Json
  screening: Json
  created_by: string
  created_at: string
  updated_at: string
  response_due: string | null
  /** Sent (requesting side) or received (requested side). */
  sent_at: string | null
  /** Executed, partially executed or refused. */
  decided_at: string | null
  /** The emergency or preservation request this one follows up (Art 41(3)(d), 42). */
  follow_up_of: string | null
  version: number
}

export interface TransitionsTable {
  id: Generated<number>
  request_id: string
  from_state: string | null
  to_state: string
  action: string
  actor: string
  actor_role: string
  detail: Json
  at: string
  /** SHA-256 (hex) of the log entry committing to this transition. */
  entry_hash?: string | null
}

export interface OutboxTable {
  /** Queue order; messages of one request are delivered in this order. */
  seq: Generated<number>
  message_id: string
  request_id: string
  recipient: string
  kind: string
  envelope: string
  created_at: string
  next_attempt_at: string
  attempts: number
  delivered_at: string | null
  receipt: string | null
  last_error: string | null
  alert: boolean
  deliver_by: string
}

export interface InboxTable {
  message_id: string
  sender: string
  request_id: string
  kind: string
  message_hash: string
  payload: Json
  receipt: string
  received_at: string
}

export interface AttachmentsTable {
  id: string
  request_id: string
  name: string
  media_type: string
  size: number
  sha256: string
  path: string
  created_at: string
}

export interface LogQueueTable {
  seq: Generated<number>
  entry: Uint8Array
  queued_at: string
}

export interface LogEntriesTable {
  idx: ColumnType<string | number, number, number>
  entry: Uint8Array
}

export interface LogNodesTable {
  level: number
  idx: ColumnType<string | number, number, number>
  hash: Uint8Array
}

export interface LogCheckpointsTable {
  size: ColumnType<string | number, number, number>
  note: string
  created_at: string
}

export interface WitnessSeenTable {
  origin: string
  size: ColumnType<string | number, number, number>
  root: Uint8Array
  checkpoint: string
  cosignature: string
  seen_at: string
}

export interface LogCosignaturesTable {
  size: ColumnType<string | number, number, number>
  witness: string
  line: string
  received_at: string
}

export interface AlarmsTable {
  id: Generated<number>
  kind: string
  subject: string
  detail: Json
  raised_at: string
}

export interface EvidencePackagesTable {
  id: string
  request_id: string
  /** The State whose node signed the manifest. */
  producer: string
  /** The signed manifest (compact JWS). */
  manifest: string
  manifest_hash: string
  created_at: string
}

export interface CustodyStepsTable {
  id: Generated<number>
  request_id: string
  attachment_id: string | null
  package_id: string | null
  step: string
  node: string
  /** The log entry that commits to this step (canonical JSON). */
  entry: Uint8Array
  at: string
}

export interface UseRestrictionsTable {
  request_id: string
  restrictions: Json
  set_at: string
}

export interface ConsentsTable {
  id: string
  request_id: string
  /** `asked`: we asked the peer; `given`: the peer asked us. */
  side: 'asked' | 'given'
  /** `consent`: prior consent sought (40(19), 36(3)); `notice`: exculpatory disclosure notified (40(19)). */
  kind: 'consent' | 'notice'
  use: Json
  status: 'pending' | 'granted' | 'refused' | 'notified'
  reasons: string | null
  asked_at: string
  answered_at: string | null
}

export interface UseDecisionsTable {
  id: Generated<number>
  request_id: string
  use: Json
  outcome: string
  rule: string
  cites: Json
  reason: string
  actor: string
  actor_role: string
  at: string
}

export interface DeletionsTable {
  id: Generated<number>
  request_id: string
  item: string
  basis: string
  cites: Json
  due: string
  /** SHA-256 of what was deleted: proves what went, without keeping it. */
  digest: string
  deleted_at: string
}

export interface ConfidentialityTable {
  request_id: string
  basis: string
  review_on: string
  /** Labels of the people concerned, to be told once confidentiality ends. */
  persons: Json
  set_at: string
  ended_at: string | null
}

export interface NoticesTable {
  id: string
  request_id: string
  person: string
  basis: string
  template: string
  status: 'due' | 'sent' | 'deferred'
  reason: string | null
  defer_until: string | null
  created_at: string
  updated_at: string
}

export interface StatisticsReleasesTable {
  hash: string
  period: string
  jws: string
  size: ColumnType<string | number, number, number>
  issued_at: string
}

export interface ReviewCommentsTable {
  id: Generated<number>
  period: string
  author: string
  role: string
  text: string
  jws: string
  hash: string
  at: string
}

export interface Database {
  node_keys: NodeKeysTable
  users: UsersTable
  snapshots: SnapshotsTable
  requests: RequestsTable
  transitions: TransitionsTable
  outbox: OutboxTable
  inbox: InboxTable
  attachments: AttachmentsTable
  log_queue: LogQueueTable
  log_entries: LogEntriesTable
  log_nodes: LogNodesTable
  log_checkpoints: LogCheckpointsTable
  witness_seen: WitnessSeenTable
  log_cosignatures: LogCosignaturesTable
  alarms: AlarmsTable
  evidence_packages: EvidencePackagesTable
  custody_steps: CustodyStepsTable
  use_restrictions: UseRestrictionsTable
  consents: ConsentsTable
  use_decisions: UseDecisionsTable
  deletions: DeletionsTable
  confidentiality: ConfidentialityTable
  notices: NoticesTable
  statistics_releases: StatisticsReleasesTable
  review_comments: ReviewCommentsTable
}
