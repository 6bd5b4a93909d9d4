/**
 * @module review/events
 *
 * Log entries as review reads them. Entries are public and may come from
 * anyone's log: each is parsed on its own, and what is not a known,
 * well-formed event is skipped (and counted), never guessed at.
 */
import { z } from 'zod'

const code = z.string().min(1).max(60)
const at = z.string().regex(/^\d{4}-\d{2}-\d{2}T/)

export const transitionEvent = z.object({
  event: z.literal('transition'),
  node: code,
  rid: z.string().min(1).max(60),
  type: code.optional(),
  dir: z.enum(['outgoing', 'incoming']).optional(),
  peer: code.optional(),
  profile: code.optional(),
  from: code.nullable(),
  to: code,
  action: code,
  role: code,
  at,
  reasons: z.boolean().optional(),
  grounds: z
    .array(z.object({ code, mandatory: z.boolean(), cites: z.array(z.string().max(40)).max(20) }))
    .max(40)
    .optional(),
  fu: z.string().max(60).optional(),
})
export type TransitionEvent = z.infer<typeof transitionEvent>

export const consentEvent = z.object({
  event: z.literal('consent'),
  node: code,
  rid: z.string().min(1).max(60),
  at,
  cid: z.string().max(60),
  status: code,
  role: code.optional(),
  kind: code.optional(),
})

export const deletionEvent = z.object({
  event: z.literal('deletion'),
  node: code,
  rid: z.string().min(1).max(60),
  at,
  item: z.string().max(100),
  basis: code,
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
})

export const noticeEvent = z.object({
  event: z.literal('notice'),
  node: code,
  rid: z.string().min(1).max(60),
  at,
  nid: z.string().max(60),
  status: z.enum(['due', 'sent', 'deferred']),
})

export type ConsentEvent = z.infer<typeof consentEvent>
export type DeletionEvent = z.infer<typeof deletionEvent>
export type NoticeEvent = z.infer<typeof noticeEvent>

export interface Events {
  readonly transitions: TransitionEvent[]
  readonly consents: ConsentEvent[]
  readonly deletions: DeletionEvent[]
  readonly notices: NoticeEvent[]
  /** Entries that were not JSON or not a known event (other events, such as custody, are simply not counted here). */
  readonly skipped: number
}

const PARSERS = {
  transition: transitionEvent,
  consent: consentEvent,
  deletion: deletionEvent,
  notice: noticeEvent,
} as const

export function readEvents(entries: Iterable<Uint8Array>): Events {
  const out: Events = { transitions: [], consents: [], deletions: [], notices: [], skipped: 0 }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let skipped = 0
  for (const e of entries) {
    let v: unknown
    try {
      v = JSON.parse(decoder.decode(e))
    } catch {
      skipped++
      continue
    }
    const kind = (v as { event?: unknown })?.event
    const parser = typeof kind === 'string' ? PARSERS[kind as keyof typeof PARSERS] : undefined
    if (!parser) continue
    const p = parser.safeParse(v)
    if (!p.success) {
      skipped++
      continue
    }
    if (kind === 'transition') out.transitions.push(p.data as TransitionEvent)
    else if (kind === 'consent') out.consents.push(p.data as ConsentEvent)
    else if (kind === 'deletion') out.deletions.push(p.data as DeletionEvent)
    else out.notices.push(p.data as NoticeEvent)
  }
  return { ...out, skipped }
}

/** `2027-04-02T…` → `2027-Q2`. */
export const quarterOf = (iso: string): string =>
  `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`
