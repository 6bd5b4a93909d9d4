import { createContext, useContext } from 'react'

export interface Me {
  state: string
  user: { username: string; roles: string[] }
}

export interface Reference {
  state: string
  profile: string
  profiles: { id: string; title: string; trust: string }[]
  requestTypes: string[]
  conductCodes: string[]
  channels: string[]
  actions: Record<
    string,
    {
      from: string[]
      to: string
      side: 'outgoing' | 'incoming'
      roles: string[]
      reasonsRequired?: boolean
      cites?: string
    }
  >
  requiredFields: Record<string, { key: string; cite: string; label: string }[]>
}

export interface Session {
  me: Me
  ref: Reference
  can: (...roles: string[]) => boolean
}

export const SessionContext = createContext<Session | null>(null)
export const useSession = (): Session => {
  const s = useContext(SessionContext)
  if (!s) throw new Error('no session')
  return s
}
