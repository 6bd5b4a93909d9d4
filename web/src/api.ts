/** The node's HTTP API, as the UI uses it: same origin, bearer token, errors with their stable code. */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly path?: string,
  ) {
    super(message)
  }
}

let token: string | null = sessionStorage.getItem('rogatory.token')

export const setToken = (t: string | null) => {
  token = t
  if (t) sessionStorage.setItem('rogatory.token', t)
  else sessionStorage.removeItem('rogatory.token')
}
export const hasToken = () => token !== null

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) {
    const e = json?.error ?? {}
    throw new ApiError(
      e.code ?? 'ERR_INTERNAL',
      e.message ?? `HTTP ${res.status}`,
      res.status,
      e.path,
    )
  }
  return json as T
}

/** Upload a file with progress (XHR: fetch has no upload progress). */
export function upload(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<any> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name))
    xhr.setRequestHeader('x-media-type', file.type || 'application/octet-stream')
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onload = () => {
      const json = JSON.parse(xhr.responseText || '{}')
      if (xhr.status >= 200 && xhr.status < 300) resolve(json)
      else
        reject(
          new ApiError(
            json?.error?.code ?? 'ERR_INTERNAL',
            json?.error?.message ?? `HTTP ${xhr.status}`,
            xhr.status,
          ),
        )
    }
    xhr.onerror = () => reject(new ApiError('ERR_INTERNAL', 'network error', 0))
    xhr.send(file)
  })
}
