/**
 * @module node/runtime
 *
 * What one State node holds while it runs: its store, its keys, its view
 * of the signed register and its settings. Services take it as their
 * first argument; nothing else is global.
 */
import { cosignerKeyString } from '../log/cosignature.js'
import type { NoteSigner } from '../log/signed-note.js'
import type { TransparencyLog } from '../log/transparency-log.js'
import type { Store } from '../store/store.js'
import type { ProfileId } from '../treaty/profile.js'
import { activeKey, type NodeKeyRecord } from './services/node-keys.js'
import type { SnapshotHolder } from './services/snapshot-sync.js'

export interface NodeSettings {
  /** The State this node serves. */
  readonly state: string
  /** Text profile the node screens under. */
  readonly profile: ProfileId
  /** Where attachments are kept. */
  readonly filesDir: string
  /** Message lifetime (seconds) before the receiver refuses it as expired. */
  readonly messageTtlSeconds: number
  /** Delivery must succeed within this many seconds, or the message raises an alert. */
  readonly deliveryDeadlineSeconds: number
  /**
   * Date the treaty engine screens as of. Today when absent; the demo
   * federation fixes it so that the fictional States are Parties.
   */
  readonly treatyDate?: string
  /** Days personal data are kept after a case closes (default 365; this node's policy). */
  readonly retentionDays?: number
  /** The clock (injectable for tests). */
  readonly now: () => Date
}

export interface NodeRuntime {
  readonly settings: NodeSettings
  readonly store: Store
  keys: NodeKeyRecord[]
  readonly snapshot: SnapshotHolder
  /** The node's transparency log. */
  readonly log: TransparencyLog
  /** The node's witness key, for cosigning its peers' checkpoints. */
  readonly witness: NoteSigner
  /** Wakes the delivery loop when a message is queued. */
  wake(): void
  /** A receipt carried this peer checkpoint: witness it (queued, newest per peer). */
  offerCheckpoint(peer: string, note: unknown): void
}

/** The log's entry in the register: its origin and signed-note verifier key. */
export const logEntry = (rt: NodeRuntime) => ({
  origin: rt.log.origin,
  vkey: rt.log.verifierKey,
  witness: cosignerKeyString(rt.witness),
})

export const signer = (rt: NodeRuntime) => {
  const k = activeKey(rt.keys, 'sig')
  return { kid: k.kid, privateJwk: k.privateJwk }
}

export const decryptionKeys = (rt: NodeRuntime) =>
  new Map(
    rt.keys
      .filter((k) => k.use === 'enc' && k.status !== 'revoked')
      .map((k) => [k.kid, k.privateJwk]),
  )

export const nowIso = (rt: NodeRuntime) => rt.settings.now().toISOString()
export const nowSeconds = (rt: NodeRuntime) => Math.floor(rt.settings.now().getTime() / 1000)
