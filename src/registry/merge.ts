/**
 * @module registry/merge
 *
 * `registryOverrides` (FORMAT.md): deep-merged into the registry, with
 * States matched by `code`. Objects merge key by key; any other array, and
 * any scalar, replaces what was there. A State code not yet in the registry
 * adds that State (it must then be complete, which validation checks).
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function deepMerge(base: Json, override: Json): Json {
  if (isObject(base) && isObject(override)) {
    const out: Record<string, Json> = { ...base }
    for (const [k, v] of Object.entries(override)) {
      out[k] = k in base ? deepMerge(base[k]!, v) : v
    }
    return out
  }
  return override
}

/** Merge overrides into a raw registry document (before validation). */
export function mergeRegistry(base: unknown, overrides: unknown): unknown {
  if (!isObject(overrides) || Object.keys(overrides).length === 0) return base
  if (!isObject(base)) return base
  const { states: stateOverrides, ...rest } = overrides
  const merged = deepMerge(base, rest) as Record<string, Json>
  if (Array.isArray(stateOverrides) && Array.isArray(base.states)) {
    const states = [...base.states]
    for (const o of stateOverrides) {
      const at = isObject(o) ? states.findIndex((s) => isObject(s) && s.code === o.code) : -1
      if (at >= 0) states[at] = deepMerge(states[at]!, o)
      else states.push(o)
    }
    merged.states = states
  } else if (stateOverrides !== undefined) {
    merged.states = stateOverrides
  }
  return merged
}
