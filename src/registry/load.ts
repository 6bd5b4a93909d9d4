/**
 * @module registry/load
 *
 * Reading and validating a registry file. The only I/O of the registry module.
 */
import { isRogatoryError } from '../errors/rogatory-error.js'
import { readJsonFile } from '../lib/json-file.js'
import { fromZodError } from '../lib/zod-error.js'
import { mergeRegistry } from './merge.js'
import { Registry } from './registry.js'
import { registrySchema } from './schema.js'

/** Validate a raw registry document (after any overrides) and index it. */
export function parseRegistry(raw: unknown, file?: string): Registry {
  const parsed = registrySchema.safeParse(raw, { reportInput: true })
  if (!parsed.success) throw fromZodError('ERR_REGISTRY_INVALID', parsed.error).locate({ file })
  try {
    return new Registry(parsed.data)
  } catch (e) {
    throw isRogatoryError(e) ? e.locate({ file }) : e
  }
}

export async function loadRegistryRaw(file: string): Promise<unknown> {
  return readJsonFile(file)
}

export async function loadRegistry(file: string, overrides?: unknown): Promise<Registry> {
  const raw = await loadRegistryRaw(file)
  return parseRegistry(mergeRegistry(raw, overrides), file)
}
