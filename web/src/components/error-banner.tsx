import { ApiError } from '../api'

/** An error as the server gave it: its stable code and a sentence. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null
  const e = error instanceof ApiError ? error : new ApiError('ERR_INTERNAL', String(error), 0)
  return (
    <div className="error" role="alert">
      <code>{e.code}</code> {e.message}
      {e.path ? <span> (field: {e.path})</span> : null}
    </div>
  )
}
