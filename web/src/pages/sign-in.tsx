import { type FormEvent, useState } from 'react'
import { api, setToken } from '../api'
import { ErrorBanner } from '../components/error-banner'

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    setBusy(true)
    try {
      const { token } = await api('POST', '/v1/session', {
        username: f.get('username'),
        password: f.get('password'),
      })
      setToken(token)
      onSignedIn()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="signin" onSubmit={submit} aria-labelledby="signin-title">
      <h1 id="signin-title">Rogatory</h1>
      <p>Sign in to this State's node.</p>
      <label>
        User name
        <input name="username" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      <ErrorBanner error={error} />
    </form>
  )
}
