import { readFile, stat } from 'node:fs/promises';

export type RegisterFileErrorCode =
  | 'missing'
  | 'unreadable'
  | 'empty'
  | 'not-a-spreadsheet'
  /** Ends part-way (copied or downloaded only in part). */
  | 'cut-short'
  | 'unknown-sheet'
  | 'unsupported-type';

/**
 * A register file that cannot be read, for a reason its owner can fix. The message names the file and
 * says what to do; `code` lets the command line and chat word it their own way.
 */
export class RegisterFileError extends Error {
  readonly code: RegisterFileErrorCode;
  readonly file: string;

  constructor(code: RegisterFileErrorCode, file: string, message: string) {
    super(message);
    this.name = 'RegisterFileError';
    this.code = code;
    this.file = file;
  }
}

/** The file's bytes, or a RegisterFileError saying plainly why not (missing, a folder, no permission, empty). */
export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new RegisterFileError('unreadable', file, `"${file}" is a folder, not a register file`);
    const bytes = await readFile(file);
    if (bytes.length === 0) throw new RegisterFileError('empty', file, `"${file}" is empty`);
    return bytes;
  } catch (error) {
    if (error instanceof RegisterFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RegisterFileError('missing', file, `"${file}" does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw new RegisterFileError('unreadable', file, `"${file}" cannot be read: permission denied`);
    throw new RegisterFileError('unreadable', file, `"${file}" cannot be read: ${(error as Error).message}`);
  }
}
