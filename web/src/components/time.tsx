import { useEffect, useState } from 'react'

/** A time in the user's time zone, with UTC on hover. */
export function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span>—</span>
  const d = new Date(iso)
  const local = d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <time
      dateTime={d.toISOString()}
      title={`${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`}
    >
      {local}
    </time>
  )
}

/** Time left until `iso`, refreshed every second (emergency and preservation deadlines). */
export function Countdown({ iso, label }: { iso: string; label: string }) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [])
  const ms = Date.parse(iso) - now
  const abs = Math.abs(ms)
  const h = Math.floor(abs / 3_600_000)
  const m = Math.floor((abs % 3_600_000) / 60_000)
  const text = h >= 48 ? `${Math.floor(h / 24)} d` : `${h} h ${String(m).padStart(2, '0')} min`
  return (
    <span
      className={ms < 0 ? 'badge bad' : h < 8 ? 'badge warn' : 'badge'}
      role="timer"
      aria-label={`${label}: ${ms < 0 ? 'overdue by' : 'in'} ${text}`}
    >
      {label}: {ms < 0 ? `overdue ${text}` : `${text} left`}
    </span>
  )
}
