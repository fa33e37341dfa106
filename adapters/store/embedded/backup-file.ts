import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gunzipSync } from 'node:zlib';
import { BackupFileError, decodeBackup, encodeBackup, type Backup } from './backup-format.ts';

/** Writes the backup beside `file` and renames it into place, so a backup that fails part-way never looks complete. */
export async function writeBackupFile(file: string, backup: Backup): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    const lines = Readable.from((function* () {
      for (const line of encodeBackup(backup)) yield `${line}\n`;
    })());
    await pipeline(lines, createGzip(), createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Reads and checks a whole backup file before anything is restored from it. */
export async function readBackupFile(file: string): Promise<Backup> {
  let compressed: Buffer;
  try {
    compressed = await readFile(file);
  } catch (error) {
    throw new BackupFileError(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`);
  }
  let text: string;
  try {
    text = gunzipSync(compressed).toString('utf8');
  } catch (error) {
    throw new BackupFileError(`${file} cannot be restored: it is damaged or cut short (${(error as Error).message}).`);
  }
  try {
    return decodeBackup(text.split('\n'));
  } catch (error) {
    if (error instanceof BackupFileError) throw new BackupFileError(`${file} cannot be restored: ${error.message}.`);
    throw error;
  }
}
