/**
 * Accountability end to end, on every backend: an MLA request marked
 * confidential goes from XAR to XBO, which executes it in part with two
 * evidence files under a 40(27) condition. Then: the evidence package and
 * its chain of custody (and what breaks it), use restrictions and
 * consents, retention with deletion records (checked with SQL), and
 * notices once confidentiality ends.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { directoryFiles } from '../../src/cli/commands/evidence.js'
import { canonicalBytes } from '../../src/envelope/canonical.js'
import { isRogatoryError } from '../../src/errors/rogatory-error.js'
import { verifyPackage } from '../../src/evidence/verify-package.js'
import type { NodeRuntime } from '../../src/node/runtime.js'
import { raiseDueNotices } from '../../src/node/services/notices.js'
import { retentionSchedule, runDeletions } from '../../src/node/services/retention.js'
import { mlaDraft } from '../helpers.js'
import { BACKENDS } from '../support/backends.js'
import {
  eventually,
  type Session,
  signInAs,
  uploadEvidence,
  useFederation,
} from '../support/federation.js'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'rogatory.js')

/** The same node, with its clock moved to `iso` (what the scheduler sees on that day). */
const at = (rt: NodeRuntime, iso: string): NodeRuntime => ({
  ...rt,
  settings: { ...rt.settings, now: () => new Date(iso) },
})

/** Log entries of a node (integrated or queued) with a given event. */
async function logged(rt: NodeRuntime, event: string) {
  await rt.log.integrate()
  const rows = await rt.store.db.selectFrom('log_entries').select('entry').execute()
  return rows
    .map((r) => JSON.parse(Buffer.from(r.entry).toString('utf8')))
    .filter((e) => e.event === event)
}

async function expectCode(p: Promise<unknown>, code: string) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(isRogatoryError(e) ? e.code : e).toBe(code)
}

for (const backend of BACKENDS) {
  describe(`accountability on ${backend.name}`, () => {
    const fed = useFederation(backend, ['XAR', 'XBO', 'XCA'])
    let xar: Session
    let xarDrafter: Session
    let xbo: Session
    let rid: string
    let files: { id: string; sha256: string }[]
    let pkgDir: string

    beforeAll(async () => {
      ;[xar, xarDrafter, xbo] = await Promise.all([
        signInAs(fed(), 'XAR', 'approver'),
        signInAs(fed(), 'XAR', 'drafter'),
        signInAs(fed(), 'XBO', 'approver'),
      ])
      const draft = await xarDrafter.call('POST', '/v1/requests', { request: mlaDraft() })
      rid = draft.body.id
      const marked = await xarDrafter.call('PUT', `/v1/requests/${rid}/confidentiality`, {
        basis: '40(20)',
        reviewOn: '2027-03-01',
        persons: ['Holder of account 88231 (fictional)', 'Second account holder (fictional)'],
      })
      expect(marked.status).toBe(200)
      await xar.call('POST', `/v1/requests/${rid}/actions`, { action: 'approve' })
      await xar.call('POST', `/v1/requests/${rid}/actions`, { action: 'send' })
      await eventually(async () => (await xbo.call('GET', `/v1/requests/${rid}`)).status === 200)
      for (const action of ['acknowledge', 'review'])
        await xbo.call('POST', `/v1/requests/${rid}/actions`, { action })
      files = [
        await uploadEvidence(
          fed(),
          'XBO',
          'approver',
          rid,
          'logins.txt',
          Buffer.from('login records (fictional)\n'.repeat(50)),
        ),
        await uploadEvidence(
          fed(),
          'XBO',
          'approver',
          rid,
          'subscriber.txt',
          Buffer.from('subscriber: invented person\n'),
        ),
      ]
      const done = await xbo.call('POST', `/v1/requests/${rid}/actions`, {
        action: 'partially-execute',
        reasons: 'Records before April no longer exist.',
        conditions: [
          {
            kind: 'condition',
            cite: '40(27)',
            condition: 'no-disclosure',
            text: 'Not to be disclosed outside the proceedings.',
          },
          {
            kind: 'condition',
            cite: '40(27)',
            condition: 'delete-by',
            text: 'Delete by the end of June 2027.',
            until: '2027-06-30',
          },
        ],
      })
      expect(done.body.state).toBe('partially-executed')
      await eventually(
        async () =>
          (await xar.call('GET', `/v1/requests/${rid}`)).body.state === 'partially-executed',
      )
      for (const f of files)
        expect(
          (await xar.call('POST', `/v1/requests/${rid}/attachments/${f.id}/fetch`)).status,
        ).toBe(200)
      // The requesting State exports the package: manifest, custody from both logs, files.
      pkgDir = mkdtempSync(join(tmpdir(), 'rogatory-pkg-'))
      await run(process.execPath, [
        BIN,
        'evidence',
        'export',
        '--node',
        'XAR',
        '--user',
        'xar.approver',
        '--password',
        'correct-horse-battery-staple',
        '--data',
        fed().dataDir,
        '--request',
        rid,
        '--out',
        pkgDir,
      ])
    }, 120_000)

    const directory = () => fed().nodes.get('XAR')!.runtime.snapshot.directory
    const pkg = () => JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    /** A copy of the package directory, changed by `tamper`. */
    const tampered = (tamper: (dir: string, doc: any) => any) => {
      const dir = mkdtempSync(join(tmpdir(), 'rogatory-pkg-t-'))
      cpSync(pkgDir, dir, { recursive: true })
      const doc = tamper(dir, pkg()) ?? pkg()
      writeFileSync(join(dir, 'package.json'), JSON.stringify(doc))
      return dir
    }
    const verifyDir = (dir: string) =>
      verifyPackage(
        JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
        directory(),
        directoryFiles(dir),
      )

    it('an exported package verifies: signature, hashes, and every custody step proved in its log', async () => {
      const r = await verifyDir(pkgDir)
      expect(r.manifest.iss).toBe('XBO')
      expect(r.holder).toBe('XAR')
      expect(r.manifest.legalBasis.map((b) => b.cite)).toContain('40(1)')
      expect(r.manifest.restrictions.map((x) => x.kind)).toEqual([
        'specialty',
        'onward-transfer',
        'condition',
        'condition',
      ])
      const steps = r.custody.map((s) => `${s.node}:${s.step}`).sort()
      expect(steps).toEqual(
        [
          'XAR:received',
          'XAR:received',
          'XBO:collected',
          'XBO:collected',
          'XBO:handed-over',
          'XBO:handed-over',
          'XBO:packaged',
        ].sort(),
      )
      // Commitments only: no file name or person in any custody entry.
      for (const c of pkg().custody)
        expect(Buffer.from(c.entry, 'base64').toString()).not.toMatch(/logins|subscriber|88231/)
      const out = await run(process.execPath, [
        BIN,
        'evidence',
        'verify',
        pkgDir,
        '--data',
        fed().dataDir,
      ])
      expect(out.stdout).toMatch(/^OK {2}evidence package for request/)
    })

    it('a swapped file, a changed byte, a missing custody step, a flipped log entry or a forged manifest each fail with their code', async () => {
      const [a, b] = files
      const swapped = tampered((dir) => {
        const fa = readFileSync(join(dir, 'files', a!.id))
        writeFileSync(join(dir, 'files', a!.id), readFileSync(join(dir, 'files', b!.id)))
        writeFileSync(join(dir, 'files', b!.id), fa)
      })
      await expectCode(verifyDir(swapped), 'ERR_EVIDENCE_FILE_MISMATCH')
      const changed = tampered((dir) => {
        const f = readFileSync(join(dir, 'files', b!.id))
        f[3] = f[3]! ^ 1
        writeFileSync(join(dir, 'files', b!.id), f)
      })
      await expectCode(verifyDir(changed), 'ERR_EVIDENCE_FILE_MISMATCH')
      const extra = tampered((dir) => writeFileSync(join(dir, 'files', 'notes.txt'), 'added later'))
      await expectCode(verifyDir(extra), 'ERR_EVIDENCE_FILE_MISMATCH')
      for (const step of ['collected', 'packaged', 'handed-over', 'received']) {
        const gap = tampered((_d, doc) => {
          const i = doc.custody.findIndex(
            (c: { entry: string }) =>
              JSON.parse(Buffer.from(c.entry, 'base64').toString()).step === step,
          )
          doc.custody.splice(i, 1)
          return doc
        })
        await expectCode(verifyDir(gap), 'ERR_EVIDENCE_CUSTODY_GAP')
      }
      const flipped = tampered((_d, doc) => {
        const e = Buffer.from(doc.custody[0].entry, 'base64')
        e[e.length - 3] = e[e.length - 3]! ^ 1
        doc.custody[0].entry = e.toString('base64')
        return doc
      })
      await expectCode(verifyDir(flipped), 'ERR_EVIDENCE_NOT_LOGGED')
      const forged = tampered((_d, doc) => {
        const [h, p, s] = doc.manifest.split('.')
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
        claims.files[0].sha256 = '0'.repeat(64)
        doc.manifest = [h, Buffer.from(canonicalBytes(claims)).toString('base64url'), s].join('.')
        return doc
      })
      await expectCode(verifyDir(forged), 'ERR_EVIDENCE_SIGNATURE_INVALID')
      const cli = await run(process.execPath, [
        BIN,
        'evidence',
        'verify',
        swapped,
        '--data',
        fed().dataDir,
      ]).catch((e) => e)
      expect(cli.code).toBe(1)
      expect(cli.stderr).toMatch(/^rogatory: ERR_EVIDENCE_FILE_MISMATCH/)
    })

    it('uses outside the purpose are refused and logged; exculpatory disclosure goes with notice; consent opens the way', async () => {
      const use = (body: object) =>
        xar.call('POST', `/v1/requests/${rid}/uses`, {
          description: 'Proceedings 2027/114 (fictional)',
          ...body,
        })
      const stated = await use({ kind: 'use', purpose: 'stated' })
      expect(stated.status).toBe(201)
      expect(stated.body).toMatchObject({ outcome: 'allowed', rule: 'use.specialty.stated' })
      expect(stated.body.cites[0].cite).toBe('40(19)')

      const other = await use({
        kind: 'use',
        purpose: 'other',
        description: 'An unrelated tax case (fictional)',
      })
      expect(other.status).toBe(403)
      expect(other.body.error.code).toBe('ERR_USE_RESTRICTED')
      const disclose = await use({ kind: 'disclose', purpose: 'stated' })
      expect(disclose.body.error.code).toBe('ERR_USE_RESTRICTED')
      expect(disclose.body.error.message).toMatch(/use\.disclosure\.condition.*40\(27\)/)
      const transfer = await use({ kind: 'transfer', purpose: 'stated', recipient: 'XCA' })
      expect(transfer.body.error.code).toBe('ERR_USE_RESTRICTED')

      // Every decision is kept and logged — refusals too — and the log holds no description.
      const rt = fed().nodes.get('XAR')!.runtime
      const decisions = await xar.call('GET', `/v1/requests/${rid}/uses`)
      expect(decisions.body.decisions.map((d: { outcome: string }) => d.outcome)).toEqual([
        'allowed',
        'refused',
        'refused',
        'refused',
      ])
      const entries = await logged(rt, 'use-decision')
      expect(entries.filter((e) => e.rid === rid).map((e) => e.outcome)).toEqual([
        'allowed',
        'refused',
        'refused',
        'refused',
      ])
      expect(JSON.stringify(entries)).not.toMatch(/tax case|2027\/114/)

      // Consent for the transfer, asked by XAR and granted by XBO in a signed message.
      const asked = await xar.call('POST', `/v1/requests/${rid}/consents`, {
        kind: 'transfer',
        purpose: 'stated',
        recipient: 'XCA',
        description: 'Joint investigation with Cascadia (fictional)',
      })
      expect(asked.status).toBe(201)
      const pending = await eventually(async () => {
        const r = await xbo.call('GET', `/v1/requests/${rid}/consents`)
        return r.body.consents.find(
          (c: { id: string; status: string }) => c.id === asked.body.id && c.status === 'pending',
        )
      })
      expect(
        (await xbo.call('POST', `/v1/requests/${rid}/consents/${pending.id}`, { granted: true }))
          .body.status,
      ).toBe('granted')
      await eventually(async () => {
        const r = await xar.call('GET', `/v1/requests/${rid}/consents`)
        return r.body.consents.some((c: { status: string }) => c.status === 'granted')
      })
      const allowed = await use({
        kind: 'transfer',
        purpose: 'stated',
        recipient: 'XCA',
        consentId: asked.body.id,
      })
      expect(allowed.status).toBe(201)
      expect(allowed.body.outcome).toBe('allowed')
      // The consent covers XCA only.
      const elsewhere = await use({
        kind: 'transfer',
        purpose: 'stated',
        recipient: 'XBO',
        consentId: asked.body.id,
      })
      expect(elsewhere.status).toBe(403)

      // Exculpatory disclosure in other proceedings is refused here: the accepted no-disclosure condition binds (40(27)).
      const exculpatory = await use({ kind: 'disclose', purpose: 'other', exculpatory: true })
      expect(exculpatory.body.error.code).toBe('ERR_USE_RESTRICTED')

      // On the requested side the request is confidential (40(20)): disclosure is refused, execution is not.
      const held = await xbo.call('POST', `/v1/requests/${rid}/uses`, {
        kind: 'disclose',
        purpose: 'other',
        description: 'Press enquiry',
      })
      expect(held.body.error.code).toBe('ERR_USE_RESTRICTED')
      expect(held.body.error.message).toMatch(/40\(20\)/)
      const exec = await xbo.call('POST', `/v1/requests/${rid}/uses`, {
        kind: 'disclose',
        purpose: 'execution',
        description: 'Order to the provider',
      })
      expect(exec.body.outcome).toBe('allowed')
    })

    it('confidentiality ends on its review date: a notice per person, sent or deferred for a logged reason', async () => {
      const rt = fed().nodes.get('XAR')!.runtime
      expect(await raiseDueNotices(at(rt, '2027-02-28T12:00:00Z'))).toBe(0)
      expect(await raiseDueNotices(at(rt, '2027-03-01T08:00:00Z'))).toBe(2)
      expect(await raiseDueNotices(at(rt, '2027-03-02T08:00:00Z'))).toBe(0)
      const due = (await xar.call('GET', '/v1/notices?status=due')).body.notices
      expect(due).toHaveLength(2)
      expect(due[0].template).toMatch(/Article 40\(20\)/)
      expect((await xar.call('POST', `/v1/notices/${due[0].id}/send`, {})).status).toBe(200)
      const noReason = await xar.call('POST', `/v1/notices/${due[1].id}/defer`, {
        until: '2099-01-01',
      })
      expect(noReason.body.error).toMatchObject({ code: 'ERR_INPUT_INVALID', path: 'body.reason' })
      const deferred = await xar.call('POST', `/v1/notices/${due[1].id}/defer`, {
        reason: 'A co-suspect is still being sought.',
        until: '2099-01-01',
      })
      expect(deferred.body.status).toBe('deferred')
      const entries = (await logged(rt, 'notice')).filter((e) => e.rid === rid)
      expect(entries.map((e) => e.status)).toEqual(['due', 'due', 'sent', 'deferred'])
      expect(JSON.stringify(entries)).not.toMatch(/88231|co-suspect/)
      // The requested State's copy of the marking ends too, without notices (it does not know the people).
      const xboRt = fed().nodes.get('XBO')!.runtime
      expect(await raiseDueNotices(at(xboRt, '2027-03-01T08:00:00Z'))).toBe(0)
      const row = await xboRt.store.db
        .selectFrom('confidentiality')
        .selectAll()
        .where('request_id', '=', rid)
        .executeTakeFirstOrThrow()
      expect(row.ended_at).not.toBeNull()
    })

    it('retention: shows what is due and why, deletes it when due, and leaves a logged deletion record', async () => {
      const rt = fed().nodes.get('XAR')!.runtime
      const schedule = await retentionSchedule(rt)
      const mine = schedule.filter((d) => d.requestId === rid)
      expect(
        mine.filter((d) => d.item.startsWith('evidence:')).map((d) => [d.basis, d.due]),
      ).toEqual([
        ['condition-delete-by', '2027-06-30'],
        ['condition-delete-by', '2027-06-30'],
      ])
      const content = mine.find((d) => d.item === 'request-content')!
      expect(content.basis).toBe('case-closure')
      expect(content.dueNow).toBe(false)
      const listed = await xar.call('GET', '/v1/retention')
      expect(listed.body.schedule.length).toBeGreaterThanOrEqual(3)

      // Nothing is deleted before its date; at the date the evidence goes, then the content after closure + retention.
      expect(await runDeletions(at(rt, '2027-06-29T12:00:00Z'))).toBe(0)
      expect(await runDeletions(at(rt, '2027-07-01T00:00:00Z'))).toBe(2)
      const { rows: left } = await sql<{
        n: number
      }>`select count(*)::int as n from attachments where request_id = ${rid}`.execute(rt.store.db)
      expect(left[0]!.n).toBe(0)
      expect(await runDeletions(at(rt, '2029-12-31T00:00:00Z'))).toBe(1)
      const body = await rt.store.db
        .selectFrom('requests')
        .select('body')
        .where('id', '=', rid)
        .executeTakeFirstOrThrow()
      const inbox = await rt.store.db
        .selectFrom('inbox')
        .select('payload')
        .where('request_id', '=', rid)
        .execute()
      const text = JSON.stringify([body, inbox])
      expect(text).not.toMatch(/88231|Records before April|stolen credentials/)
      const records = (await xar.call('GET', '/v1/retention')).body.deletions.filter(
        (d: { request_id: string }) => d.request_id === rid,
      )
      expect(records.map((d: { item: string }) => d.item.split(':')[0]).sort()).toEqual([
        'evidence',
        'evidence',
        'request-content',
      ])
      const entries = (await logged(rt, 'deletion')).filter((e) => e.rid === rid)
      expect(entries).toHaveLength(3)
      expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.digest))).toBe(true)
      // The request itself stays, for statistics and review.
      expect((await xar.call('GET', `/v1/requests/${rid}`)).body).toMatchObject({
        state: 'partially-executed',
        type: 'mla',
      })
      // A non-admin cannot run deletions.
      expect((await xar.call('POST', '/v1/retention/run')).body.error.code).toBe(
        'ERR_FORBIDDEN_ROLE',
      )
      rmSync(pkgDir, { recursive: true, force: true })
    })
  })
}
