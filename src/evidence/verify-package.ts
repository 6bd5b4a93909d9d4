/**
 * @module evidence/verify-package
 *
 * Check an evidence package, trusting only the Secretariat's signed
 * register (signing keys and log verifier keys). In order, each failure
 * with its own stable code:
 * 1. the document's shape (ERR_EVIDENCE_MALFORMED);
 * 2. the manifest's signature by the producing State, for this request
 *    and these States (ERR_EVIDENCE_SIGNATURE_INVALID);
 * 3. every file against the manifest: present, size, SHA-256, and no file
 *    the manifest does not list (ERR_EVIDENCE_FILE_MISMATCH);
 * 4. every custody step proved in its node's log: checkpoint signed by
 *    that node's registered log key, RFC 9162 inclusion of the entry
 *    (ERR_EVIDENCE_NOT_LOGGED);
 * 5. the chain complete: each file collected with its hash, the manifest
 *    packaged, and — in a copy held by the requesting State — each file
 *    handed over and received (ERR_EVIDENCE_CUSTODY_GAP).
 * Pure: file access is given by the caller.
 */
import { sha256Hex } from '../envelope/canonical.js'
import { verifyStatement } from '../envelope/registered-jws.js'
import type { ErrorCode } from '../errors/codes.js'
import { RogatoryError } from '../errors/rogatory-error.js'
import { fromZodError } from '../lib/zod-error.js'
import { parseCheckpoint } from '../log/checkpoint.js'
import { leafHash } from '../log/hashing.js'
import { verifyInclusion } from '../log/proofs.js'
import { openNote, parseVerifierKey } from '../log/signed-note.js'
import type { SnapshotDirectory } from '../registry/snapshot.js'
import { type CustodyEntry, custodyEntrySchema } from './custody.js'
import { MANIFEST_TYP, MAX_MANIFEST_CHARS, type Manifest, manifestSchema } from './manifest.js'
import { type EvidencePackage, packageSchema } from './package-format.js'

export interface PackageFiles {
  /** Size and SHA-256 (hex) of `files/<id>`, or undefined when there is no such file. */
  stat(id: string): Promise<{ size: number; sha256: string } | undefined>
  /** The names under `files/`. */
  list(): Promise<readonly string[]>
}

export interface VerifiedStep extends CustodyEntry {
  readonly index: number
  readonly treeSize: number
  /** SHA-256 (hex) of the entry bytes: how the manifest names its collected steps. */
  readonly entryHash: string
}

export interface PackageReport {
  readonly manifest: Manifest
  readonly holder: string
  readonly custody: readonly VerifiedStep[]
}

const fail = (code: ErrorCode, why: string): never => {
  throw new RogatoryError(code, why)
}

export async function verifyPackage(
  raw: unknown,
  directory: SnapshotDirectory,
  files: PackageFiles,
): Promise<PackageReport> {
  const parsed = packageSchema.safeParse(raw)
  if (!parsed.success) throw fromZodError('ERR_EVIDENCE_MALFORMED', parsed.error, 'package')
  const pkg = parsed.data
  const manifest = await verifyManifest(pkg, directory)
  await checkFiles(manifest, files)
  const custody = pkg.custody.map((r, i) => checkLogged(r, i, pkg, manifest, directory))
  checkChain(manifest, pkg.manifest, pkg.holder, custody)
  return { manifest, holder: pkg.holder, custody }
}

async function verifyManifest(pkg: EvidencePackage, directory: SnapshotDirectory) {
  const { claims, key } = await verifyStatement<unknown>(pkg.manifest, {
    typ: MANIFEST_TYP,
    directory,
    code: 'ERR_EVIDENCE_SIGNATURE_INVALID',
    accept: () => true,
    maxChars: MAX_MANIFEST_CHARS,
  })
  const m = manifestSchema.safeParse(claims)
  if (!m.success) throw fromZodError('ERR_EVIDENCE_MALFORMED', m.error, 'manifest')
  const manifest = m.data
  if (manifest.iss !== key.state)
    fail(
      'ERR_EVIDENCE_SIGNATURE_INVALID',
      `signed by ${key.state}, but names ${manifest.iss} as producer`,
    )
  if (manifest.rid !== pkg.requestId)
    fail('ERR_EVIDENCE_SIGNATURE_INVALID', `the manifest is for request ${manifest.rid}`)
  if (pkg.holder !== manifest.iss && pkg.holder !== manifest.aud)
    fail('ERR_EVIDENCE_SIGNATURE_INVALID', `holder ${pkg.holder} is neither producer nor recipient`)
  return manifest
}

async function checkFiles(manifest: Manifest, files: PackageFiles) {
  const listed = new Set(manifest.files.map((f) => f.id))
  for (const name of await files.list())
    if (!listed.has(name))
      fail('ERR_EVIDENCE_FILE_MISMATCH', `files/${name} is not in the manifest`)
  for (const f of manifest.files) {
    const st = await files.stat(f.id)
    if (!st) fail('ERR_EVIDENCE_FILE_MISMATCH', `files/${f.id} (${f.name}) is missing`)
    else if (st.size !== f.size || st.sha256 !== f.sha256)
      fail(
        'ERR_EVIDENCE_FILE_MISMATCH',
        `files/${f.id} (${f.name}): ${st.size} bytes, sha256 ${st.sha256}; the manifest says ${f.size} bytes, ${f.sha256}`,
      )
  }
}

function checkLogged(
  r: EvidencePackage['custody'][number],
  i: number,
  pkg: EvidencePackage,
  manifest: Manifest,
  directory: SnapshotDirectory,
): VerifiedStep {
  const where = `custody[${i}]`
  const vkey = directory.node(r.node)?.log?.vkey
  if (!vkey)
    return fail('ERR_EVIDENCE_NOT_LOGGED', `${where}: ${r.node} has no log in the register`)
  let checkpoint: ReturnType<typeof parseCheckpoint>
  try {
    const verifier = parseVerifierKey(vkey)
    checkpoint = parseCheckpoint(openNote(r.checkpoint, [verifier]).text)
    if (checkpoint.origin !== verifier.name) throw new Error('origin')
  } catch {
    return fail(
      'ERR_EVIDENCE_NOT_LOGGED',
      `${where}: the checkpoint is not signed by ${r.node}'s log key`,
    )
  }
  const entry = new Uint8Array(Buffer.from(r.entry, 'base64'))
  const proof = r.proof.map((p) => new Uint8Array(Buffer.from(p, 'base64')))
  if (!verifyInclusion(r.index, checkpoint.size, leafHash(entry), proof, checkpoint.root))
    fail(
      'ERR_EVIDENCE_NOT_LOGGED',
      `${where}: entry ${r.index} is not proved included in ${checkpoint.origin}`,
    )
  let parsed: CustodyEntry
  try {
    parsed = custodyEntrySchema.parse(JSON.parse(new TextDecoder().decode(entry)))
  } catch {
    return fail('ERR_EVIDENCE_CUSTODY_GAP', `${where}: the logged entry is not a custody step`)
  }
  if (parsed.node !== r.node || parsed.rid !== pkg.requestId)
    fail(
      'ERR_EVIDENCE_CUSTODY_GAP',
      `${where}: the step is for ${parsed.node} / request ${parsed.rid}`,
    )
  const producerStep = parsed.step !== 'received'
  if (parsed.node !== (producerStep ? manifest.iss : manifest.aud))
    fail('ERR_EVIDENCE_CUSTODY_GAP', `${where}: ${parsed.step} by ${parsed.node}`)
  return { ...parsed, index: r.index, treeSize: checkpoint.size, entryHash: sha256Hex(entry) }
}

function checkChain(
  manifest: Manifest,
  manifestJws: string,
  holder: string,
  steps: readonly VerifiedStep[],
) {
  const hashes = new Set(steps.map((s) => s.entryHash))
  for (const h of manifest.collected)
    if (!hashes.has(h))
      fail('ERR_EVIDENCE_CUSTODY_GAP', `collected step ${h.slice(0, 12)}… is missing`)
  const has = (step: string, f?: { id: string; sha256: string }) =>
    steps.some(
      (s) =>
        s.step === step && (f ? s.aid === f.id && s.sha256 === f.sha256 : s.pkg === manifest.pid),
    )
  for (const f of manifest.files)
    if (!has('collected', f)) fail('ERR_EVIDENCE_CUSTODY_GAP', `${f.name}: no collected step`)
  const mhash = sha256Hex(manifestJws)
  const mhashOk = steps.some(
    (s) => s.step === 'packaged' && s.pkg === manifest.pid && s.mhash === mhash,
  )
  if (!mhashOk) fail('ERR_EVIDENCE_CUSTODY_GAP', 'no packaged step for this manifest')
  if (holder === manifest.aud)
    for (const f of manifest.files) {
      if (!has('handed-over', f)) fail('ERR_EVIDENCE_CUSTODY_GAP', `${f.name}: no handed-over step`)
      if (!has('received', f)) fail('ERR_EVIDENCE_CUSTODY_GAP', `${f.name}: no received step`)
    }
}
