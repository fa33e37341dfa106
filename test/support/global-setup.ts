import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../adapters/store/open-database.ts';

/** Builds one migrated embedded database; each suite copies it instead of paying for initdb again. */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'stocktake-template-'));
  const db = await openDatabase({ dataDir: root });
  await db.close();
  project.provide('embeddedTemplate', root);
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}
