/**
 * `rogatory evidence export|verify`: an evidence package as a directory
 * (package.json + files/<id>), and its check against the Secretariat's
 * register: manifest signature, file hashes, custody steps proved in each
 * node's log, and a complete chain. Each failure has its stable code and
 * exits 1.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Command } from 'commander'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { FILES_DIR, PACKAGE_FILE } from '../../evidence/package-format.js'
import { type PackageFiles, verifyPackage } from '../../evidence/verify-package.js'
import { hashFile } from '../../lib/hash-file.js'
import { readJsonFile } from '../../lib/json-file.js'
import { SnapshotDirectory } from '../../registry/snapshot.js'
import { type ClientOptions, connect, withClient } from '../client.js'
import { action, print, printJson } from '../io.js'
import { register } from '../register.js'

export function directoryFiles(dir: string): PackageFiles {
  const files = join(dir, FILES_DIR)
  return {
    async stat(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) return undefined
      const path = join(files, id)
      const s = await stat(path).catch(() => undefined)
      return s?.isFile() ? hashFile(path) : undefined
    },
    list: () => readdir(files).catch(() => []),
  }
}

export function registerEvidence(program: Command): void {
  const ev = program.command('evidence').description('evidence packages: export and verify')
  withClient(
    ev
      .command('export')
      .description('write the evidence package of a request to a directory (package.json + files/)')
      .requiredOption('--request <id>', 'request id')
      .requiredOption('--out <dir>', 'directory to write'),
  ).action(
    action(async (o: ClientOptions & { request: string; out: string }) => {
      const c = await connect(o)
      const pkg = await c.call<{ files: { id: string; name: string }[] } & Record<string, unknown>>(
        'GET',
        `/v1/requests/${o.request}/evidence-package`,
      )
      const { files, ...document } = pkg
      await mkdir(join(o.out, FILES_DIR), { recursive: true })
      for (const f of files) {
        const res = await c.download(`/v1/requests/${o.request}/attachments/${f.id}`)
        await pipeline(
          Readable.fromWeb(res.body as never),
          createWriteStream(join(o.out, FILES_DIR, f.id)),
        )
        print(`  ${f.name} → ${join(FILES_DIR, f.id)}`)
      }
      await writeFile(join(o.out, PACKAGE_FILE), `${JSON.stringify(document, null, 2)}\n`)
      print(`Evidence package of ${o.request} written to ${o.out} (${files.length} files).`)
    }),
  )
  ev.command('verify')
    .description(
      "check a package: the producer's signature, every file's SHA-256, every custody step in its node's log, a complete chain",
    )
    .argument('<package>', 'package directory')
    .option('--data <dir>', 'data directory of the federation (for the register)', 'data')
    .option('--json', 'machine-readable output')
    .action(
      action(async (dir: string, o: { data: string; json?: boolean }) => {
        const raw = await readJsonFile(join(dir, PACKAGE_FILE)).catch((e) => {
          throw e instanceof RogatoryError && e.code === 'ERR_INPUT_JSON'
            ? new RogatoryError('ERR_EVIDENCE_MALFORMED', e.message)
            : e
        })
        const directory = new SnapshotDirectory(await register(o.data))
        const r = await verifyPackage(raw, directory, directoryFiles(dir))
        if (o.json) return printJson({ ok: true, ...r })
        const m = r.manifest
        print([
          `OK  evidence package for request ${m.rid}: produced by ${m.iss} for ${m.aud}, held by ${r.holder}`,
          `  signed manifest ${m.pid} (${m.iat}), profile ${m.profile}`,
          `  legal basis: ${m.legalBasis.map((b) => `Art ${b.cite}${b.title ? ` ${b.title}` : ''} [${b.trust}]`).join('; ')}`,
          `  restrictions: ${m.restrictions.map((x) => (x.kind === 'condition' ? `condition ${x.condition} (${x.cite})` : `${x.kind} (${x.cite})`)).join(', ')}`,
          ...m.files.map((f) => `  file ${f.name}: ${f.size} bytes, sha256 ${f.sha256} matches`),
          ...r.custody.map(
            (s) =>
              `  custody ${s.step.padEnd(11)} ${s.node} ${s.role.padEnd(8)} ${s.at}  log entry ${s.index} of ${s.treeSize}, proved`,
          ),
        ])
      }),
    )
}
