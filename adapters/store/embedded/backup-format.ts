import { createHash } from 'node:crypto';

/*
 * A Stocktake backup: gzip-compressed JSON lines, one file.
 *
 *   {"format":"stocktake-backup","version":1,"createdAt":…,"migrations":[…]}     the header
 *   {"table":"Action","rows":63}                                                  a table, then its rows,
 *   {"id":"…","ref":"1.1",…}                                                      one JSON object a line,
 *   …                                                                             exactly as PostgreSQL wrote them
 *   {"end":true,"tables":14,"rows":1234,"sha256":"…"}                             the footer
 *
 * Rows are kept as the text PostgreSQL's row_to_json wrote and never parsed here, so no value is rounded
 * or re-typed on the way through. gzip's own check catches a damaged file; the footer (counts and a SHA-256
 * of every line before it) catches a truncated or edited one.
 */

export const BACKUP_FORMAT = 'stocktake-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** The migrations the database had applied: a restore applies these, loads the rows, then applies any newer ones. */
  migrations: string[];
}

export interface BackupTable {
  name: string;
  /** Each row as PostgreSQL's JSON text. */
  rows: string[];
}

export interface Backup {
  header: BackupHeader;
  tables: BackupTable[];
}

/** A backup file that cannot be restored: damaged, cut short, or not a backup at all. */
export class BackupFileError extends Error {}

/** The file's lines, in order (without newlines). */
export function* encodeBackup(backup: Backup): Generator<string> {
  const hash = createHash('sha256');
  const line = (text: string) => {
    hash.update(text).update('\n');
    return text;
  };
  yield line(JSON.stringify(backup.header));
  let rows = 0;
  for (const table of backup.tables) {
    yield line(JSON.stringify({ table: table.name, rows: table.rows.length }));
    for (const row of table.rows) yield line(row);
    rows += table.rows.length;
  }
  yield JSON.stringify({ end: true, tables: backup.tables.length, rows, sha256: hash.digest('hex') });
}

function parseLine<T>(text: string | undefined, where: string): T {
  try {
    return JSON.parse(text ?? '') as T;
  } catch {
    throw new BackupFileError(`it is damaged at ${where}`);
  }
}

/** Reads and checks every line: throws BackupFileError saying what is wrong rather than returning part of a backup. */
export function decodeBackup(lines: readonly string[]): Backup {
  const header = parseLine<Partial<BackupHeader>>(lines[0], 'its first line');
  if (header.format !== BACKUP_FORMAT) throw new BackupFileError('it is not a Stocktake backup');
  if (header.version !== BACKUP_VERSION || !Array.isArray(header.migrations)) {
    throw new BackupFileError(`it is a version ${String(header.version)} backup; this Stocktake reads version ${BACKUP_VERSION}`);
  }
  const hash = createHash('sha256').update(lines[0]!).update('\n');
  const tables: BackupTable[] = [];
  let i = 1;
  for (;;) {
    const text = lines[i];
    if (text === undefined) throw new BackupFileError('it is incomplete: it ends before its last line');
    const entry = parseLine<{ table?: unknown; rows?: unknown; end?: unknown; tables?: unknown; sha256?: unknown }>(text, `line ${i + 1}`);
    if (entry.end === true) {
      const total = tables.reduce((n, t) => n + t.rows.length, 0);
      if (entry.tables !== tables.length || entry.rows !== total || entry.sha256 !== hash.digest('hex')) {
        throw new BackupFileError('it is damaged: its contents do not match its checksum');
      }
      if (i !== lines.length - 1 && !(i === lines.length - 2 && lines[i + 1] === '')) throw new BackupFileError('it has data after its last line');
      return { header: header as BackupHeader, tables };
    }
    if (typeof entry.table !== 'string' || typeof entry.rows !== 'number') throw new BackupFileError(`it is damaged at line ${i + 1}`);
    hash.update(text).update('\n');
    const rows = lines.slice(i + 1, i + 1 + entry.rows);
    if (rows.length < entry.rows) throw new BackupFileError('it is incomplete: it ends part-way through a table');
    for (const row of rows) hash.update(row).update('\n');
    tables.push({ name: entry.table, rows });
    i += 1 + entry.rows;
  }
}
