/**
 * @module review/federation-release
 *
 * Federation-wide statistics, published by the Secretariat: the same
 * tables as a node's release, computed from the public logs of every node
 * in the register, each read and checked against its log key. Each request
 * is counted once per column (sent: by its sender's log; received: by its
 * receiver's). The release names every log's size and root, so anyone can
 * recompute it; the Secretariat signs it with its register key. (The
 * Secretariat keeps no transparency log of its own, so the release is
 * signed but not logged.)
 */
import { httpReader, verifyLog } from '../log/verify-remote.js'
import type { Snapshot } from '../registry/snapshot.js'
import { figures } from './release.js'
import { DEFAULT_THRESHOLD } from './suppression.js'

export const FEDERATION_TYP = 'rogatory-federation-statistics+jws'
export const FEDERATION_FORMAT = 'rogatory-federation-statistics/1'

export interface FederationLog {
  readonly node: string
  readonly origin: string
  readonly size: number
  readonly root: string
}

/** Read every registered node's log (checked against its key), as of now. */
export async function readFederationLogs(
  snapshot: Snapshot,
): Promise<
  { log: FederationLog; entries: readonly Uint8Array[]; rootAt: (n: number) => Uint8Array }[]
> {
  const out = []
  for (const n of snapshot.nodes) {
    if (!n.log) continue
    const r = await verifyLog(
      httpReader(new URL('/log/', n.url).toString()),
      n.log.vkey,
      undefined,
      () => {},
      { keepEntries: true },
    )
    out.push({
      log: {
        node: n.state,
        origin: n.log.origin,
        size: r.checkpoint.size,
        root: Buffer.from(r.checkpoint.root).toString('base64'),
      },
      entries: r.entries!,
      rootAt: r.rootAt,
    })
  }
  return out
}

export function federationBody(
  logs: readonly { log: FederationLog; entries: readonly Uint8Array[] }[],
  period: string,
  issuedAt: string,
  threshold = DEFAULT_THRESHOLD,
) {
  return {
    format: FEDERATION_FORMAT,
    period,
    threshold,
    issuedAt,
    logs: logs.map((l) => l.log),
    ...figures(
      logs.flatMap((l) => l.entries.slice(0, l.log.size)),
      period,
      threshold,
    ),
  }
}
