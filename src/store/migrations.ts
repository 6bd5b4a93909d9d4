/**
 * @module store/migrations
 *
 * Versioned migrations, run by kysely's Migrator on both backends. Never
 * edit a migration that has shipped; add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely'

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('node_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('use', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('private_jwk', 'jsonb', (c) => c.notNull())
      .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('users')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('roles', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('snapshots')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('jws', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('body', 'jsonb', (c) => c.notNull())
      .addColumn('screening', 'jsonb', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('response_due', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('follow_up_of', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .createTable('transitions')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('transitions_request')
      .on('transitions')
      .column('request_id')
      .execute()
    await db.schema
      .createTable('outbox')
      .addColumn('seq', 'serial', (c) => c.notNull().unique())
      .addColumn('message_id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('envelope', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('delivered_at', 'text')
      .addColumn('receipt', 'text')
      .addColumn('last_error', 'text')
      .addColumn('alert', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('deliver_by', 'text', (c) => c.notNull())
      .execute()
    await sql`create index outbox_due on outbox (next_attempt_at) where delivered_at is null`.execute(
      db,
    )
    await db.schema
      .createTable('inbox')
      .addColumn('message_id', 'text', (c) => c.primaryKey())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('message_hash', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('receipt', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
  },
}

/** The transparency log: a durable queue, the sequenced entries, every complete-subtree hash, signed checkpoints. */
const m002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('log_queue')
      .addColumn('seq', 'serial', (c) => c.primaryKey())
      .addColumn('entry', 'bytea', (c) => c.notNull())
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('log_entries')
      .addColumn('idx', 'bigint', (c) => c.primaryKey())
      .addColumn('entry', 'bytea', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('log_nodes')
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('idx', 'bigint', (c) => c.notNull())
      .addColumn('hash', 'bytea', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_nodes_pk', ['level', 'idx'])
      .execute()
    await db.schema
      .createTable('log_checkpoints')
      .addColumn('size', 'bigint', (c) => c.primaryKey())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
  },
}

/** Witnessing: the last checkpoint seen per peer log, the cosignature given, and alarms. */
const m003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('witness_seen')
      .addColumn('origin', 'text', (c) => c.primaryKey())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('root', 'bytea', (c) => c.notNull())
      .addColumn('checkpoint', 'text', (c) => c.notNull())
      .addColumn('cosignature', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('log_cosignatures')
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('witness', 'text', (c) => c.notNull())
      .addColumn('line', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('log_cosignatures_pk', ['size', 'witness'])
      .execute()
    await db.schema
      .createTable('alarms')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb', (c) => c.notNull())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .execute()
  },
}

/**
 * Accountability: evidence packages and their chain of custody, use
 * restrictions, consents and use decisions, deletion records,
 * confidentiality markings and notices to the people concerned. Log entries
 * are found by their hash (`sha256(entry)`), so a custody step can be
 * proved included without scanning the log.
 */
const m004: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index log_entries_sha256 on log_entries (sha256(entry))`.execute(db)
    await db.schema
      .createTable('evidence_packages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('producer', 'text', (c) => c.notNull())
      .addColumn('manifest', 'text', (c) => c.notNull())
      .addColumn('manifest_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('custody_steps')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('attachment_id', 'text')
      .addColumn('package_id', 'text')
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('node', 'text', (c) => c.notNull())
      .addColumn('entry', 'bytea', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('use_restrictions')
      .addColumn('request_id', 'text', (c) => c.primaryKey())
      .addColumn('restrictions', 'jsonb', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('use', 'jsonb', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text')
      .addColumn('asked_at', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text')
      .execute()
    await db.schema
      .createTable('use_decisions')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('use', 'jsonb', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('cites', 'jsonb', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('deletions')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('cites', 'jsonb', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('confidentiality')
      .addColumn('request_id', 'text', (c) => c.primaryKey())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('review_on', 'text', (c) => c.notNull())
      .addColumn('persons', 'jsonb', (c) => c.notNull())
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .execute()
    await db.schema
      .createTable('notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('defer_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
  },
}

/** Each transition keeps the SHA-256 of the log entry that commits to it. */
const m005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('transitions').addColumn('entry_hash', 'text').execute()
  },
}

/** Signed statistics releases, one row per release (a quarter may have several, each naming the one it supersedes). */
const m006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('statistics_releases')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('jws', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .execute()
  },
}

/** Reviewers' comments on a country review report: signed by the node, committed to its log. */
const m007: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('review_comments')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('jws', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
  },
}

export const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-transparency-log': m002,
  '003-witnessing': m003,
  '004-accountability': m004,
  '005-transition-entries': m005,
  '006-statistics-releases': m006,
  '007-review-comments': m007,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}
