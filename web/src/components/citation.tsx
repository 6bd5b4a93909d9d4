import { useState } from 'react'
import { api } from '../api'

const cache = new Map<string, Promise<any>>()

/** A citation with its trust mark; the provision's text (or labelled summary) on hover and focus. */
export function Citation({
  cite,
  profile,
  trust,
}: {
  cite: string
  profile: string
  trust?: string
}) {
  const [text, setText] = useState<string | null>(null)
  const load = () => {
    const key = `${profile}|${cite}`
    if (!cache.has(key))
      cache.set(
        key,
        api('GET', `/v1/provisions/${encodeURIComponent(cite)}?profile=${profile}`).catch(
          () => null,
        ),
      )
    void cache
      .get(key)!
      .then((p) =>
        setText(
          p
            ? `Art ${p.id} — ${p.title}\n${p.text ?? `Summary, not the treaty text: ${p.summary ?? ''}`}\n[${p.trust}; ${p.source}]`
            : `Art ${cite}: not held for ${profile}`,
        ),
      )
  }
  return (
    <button
      type="button"
      className="cite"
      title={text ?? 'Loading the provision…'}
      onMouseEnter={load}
      onFocus={load}
      onClick={load}
    >
      Art {cite}
      {trust && trust !== 'verified' ? <TrustMark trust={trust} /> : null}
    </button>
  )
}

export function TrustMark({ trust }: { trust: string }) {
  const label = trust === 'verified' ? 'V' : trust === 'partial' ? 'P' : 'U'
  return (
    <abbr
      className={`trust trust-${trust}`}
      title={`${trust}: ${trust === 'verified' ? 'wording verified' : 'not verified text — a reading, not the treaty wording'}`}
    >
      {label}
    </abbr>
  )
}
