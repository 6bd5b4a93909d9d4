/**
 * @module scenario/load
 *
 * Reading scenario and question files, resolving the registry they run
 * against (FORMAT.md: `--registry FILE`, else `registry.json` in the
 * scenario directory, else in its parent), and answering them.
 */
import { access, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { isRogatoryError, joinPath, RogatoryError } from '../errors/rogatory-error.js'
import { readJsonFile } from '../lib/json-file.js'
import { fromZodError } from '../lib/zod-error.js'
import { parseRegistry } from '../registry/load.js'
import { mergeRegistry } from '../registry/merge.js'
import type { Registry } from '../registry/registry.js'
import { answer } from '../treaty/engine/answer.js'
import type { Assessment } from '../treaty/engine/assessment.js'
import { type ProfileId, parseProfile } from '../treaty/profile.js'
import type { Question } from '../treaty/question-schema.js'
import { type QuestionFile, questionFileSchema, type Scenario, scenarioSchema } from './schema.js'

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  )

/** FORMAT.md registry lookup for a directory of scenarios (or the directory of one file). */
export async function resolveRegistryFile(dir: string, explicit?: string): Promise<string> {
  if (explicit) return explicit
  for (const candidate of [join(dir, 'registry.json'), join(dir, '..', 'registry.json')]) {
    if (await exists(candidate)) return candidate
  }
  throw new RogatoryError(
    'ERR_REGISTRY_NOT_FOUND',
    `no registry.json in ${dir} or its parent; pass --registry FILE`,
  )
}

/** The scenario files of a directory: `*.json` except `registry.json`, in name order. */
export async function scenarioFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (e) {
    throw new RogatoryError(
      'ERR_FILE_NOT_FOUND',
      `cannot read directory (${(e as NodeJS.ErrnoException).code})`,
      {
        file: dir,
        cause: e,
      },
    )
  }
  return names
    .filter((n) => n.endsWith('.json') && n !== 'registry.json')
    .sort()
    .map((n) => join(dir, n))
}

/** A loaded, validated question: the profile, date and registry it is asked under. */
export interface Loaded<T> {
  readonly file: string
  readonly doc: T
  readonly profile: ProfileId
  readonly asOf: string
  readonly registry: Registry
  readonly question: Question
}

export async function loadScenario(file: string, baseRegistry: unknown): Promise<Loaded<Scenario>> {
  return locate(file, async () => {
    const raw = await readJsonFile(file)
    const parsed = scenarioSchema.safeParse(raw, { reportInput: true })
    if (!parsed.success) throw fromZodError('ERR_SCENARIO_INVALID', parsed.error)
    return prepare(file, parsed.data, parseProfile(parsed.data.profile), baseRegistry)
  })
}

export async function loadQuestionFile(
  file: string,
  baseRegistry: unknown,
  profileOverride?: string,
): Promise<Loaded<QuestionFile>> {
  return locate(file, async () => {
    const raw = await readJsonFile(file)
    const parsed = questionFileSchema.safeParse(raw, { reportInput: true })
    if (!parsed.success) throw fromZodError('ERR_INPUT_INVALID', parsed.error)
    const profile = profileOverride
      ? parseProfile(profileOverride, '--profile')
      : parseProfile(parsed.data.profile ?? 'adopted-2024')
    return prepare(file, parsed.data, profile, baseRegistry)
  })
}

function prepare<
  T extends { asOf: string; registryOverrides?: Record<string, unknown>; question: Question },
>(file: string, doc: T, profile: ProfileId, baseRegistry: unknown): Loaded<T> {
  let registry: Registry
  try {
    registry = parseRegistry(mergeRegistry(baseRegistry, doc.registryOverrides ?? {}))
  } catch (e) {
    if (
      isRogatoryError(e) &&
      doc.registryOverrides &&
      Object.keys(doc.registryOverrides).length > 0
    ) {
      throw new RogatoryError(e.code, `${e.message} (registry after registryOverrides)`, {
        path: joinPath('registryOverrides', e.path),
      })
    }
    throw e
  }
  return { file, doc, profile, asOf: doc.asOf, registry, question: doc.question }
}

async function locate<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw isRogatoryError(e) ? e.locate({ file }) : e
  }
}

/** Answer a loaded question under its own profile, or under another. */
export function answerLoaded(l: Loaded<unknown>, profile: ProfileId = l.profile): Assessment {
  try {
    return answer(l.question, { profile, asOf: l.asOf, registry: l.registry })
  } catch (e) {
    throw isRogatoryError(e) ? e.locate({ file: l.file }) : e
  }
}
