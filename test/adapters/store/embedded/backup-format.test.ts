import { describe, expect, it } from 'vitest';
import { BackupFileError, decodeBackup, encodeBackup, type Backup } from '../../../../adapters/store/embedded/backup-format.ts';

const backup: Backup = {
  header: { format: 'stocktake-backup', version: 1, createdAt: '2026-11-23T06:12:00.000Z', migrations: ['20261123031359_init'] },
  tables: [
    { name: 'Action', rows: ['{"id":"a1","ref":"1.1"}', '{"id":"a2","ref":"1.2"}'] },
    { name: 'Absence', rows: [] },
    // A big number and an escaped line break stay exactly as PostgreSQL wrote them.
    { name: 'StatusUpdate', rows: ['{"id":"u1","note":"line one\\nline two","n":9007199254740993}'] },
  ],
};
const lines = () => [...encodeBackup(backup)];

describe('the backup format', () => {
  it('reads back exactly what it wrote, rows untouched', () => {
    expect(decodeBackup(lines())).toEqual(backup);
    expect(decodeBackup([...lines(), ''])).toEqual(backup);
  });

  it('refuses a backup cut short anywhere', () => {
    const all = lines();
    for (let keep = 1; keep < all.length; keep++) {
      expect(() => decodeBackup(all.slice(0, keep)), `kept ${keep} lines`).toThrow(BackupFileError);
    }
  });

  it('refuses a row changed after it was written, or lines added after the end', () => {
    const edited = lines().map((l) => l.replace('"ref":"1.2"', '"ref":"9.9"'));
    expect(() => decodeBackup(edited)).toThrow(/checksum/);
    expect(() => decodeBackup([...lines(), '{"id":"extra"}'])).toThrow(/after its last line/);
  });

  it('says when a file is not a backup, or a version it cannot read', () => {
    expect(() => decodeBackup(['Ref,Action,Lead'])).toThrow(/damaged at its first line/);
    expect(() => decodeBackup(['{"hello":"world"}'])).toThrow(/not a Stocktake backup/);
    expect(() => decodeBackup([JSON.stringify({ ...backup.header, version: 2 }), ...lines().slice(1)])).toThrow(/version 2 backup/);
  });
});
