import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HULL_CSV } from '../support/app.ts';
import { freshDataDir, removeDataDir, show, stocktake } from './cli-harness.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('stocktake retention', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await freshDataDir();
    const imported = await stocktake(dataDir, ['import', HULL_CSV, '--programme', 'Hull']);
    expect(imported.code, show(imported)).toBe(0);
  });
  afterAll(() => removeDataDir(dataDir));

  it('keeps every status update when no retention period is set', async () => {
    const r = await stocktake(dataDir, ['retention'], { env: { STOCKTAKE_RETENTION_MONTHS: '' } });
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('every status update is kept');
  });

  it('applies the retention period when one is set, and says how many went', async () => {
    const r = await stocktake(dataDir, ['retention'], { env: { STOCKTAKE_RETENTION_MONTHS: '12' } });
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/^\d+ superseded status update\(s\) older than 12 month\(s\) deleted/);
  });

  it('refuses a retention period that is not a number of months', async () => {
    const r = await stocktake(dataDir, ['retention'], { env: { STOCKTAKE_RETENTION_MONTHS: 'six years' } });
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toContain('STOCKTAKE_RETENTION_MONTHS');
  });
});
