import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The report compiler is pure and the message model is neutral: neither may reach for a
// platform SDK, the store or I/O. A renderer for Slack or Teams belongs in adapters/.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  return [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const PLATFORM = /^(node:|fs$|path$|@slack\/|@microsoft\/|botbuilder|@prisma\/|prisma$|pg$|@electric-sql\/|pino$|exceljs$|docx$)/;

describe('boundaries', () => {
  it('src/domain/report imports only from src/domain, with explicit .ts paths', () => {
    for (const file of sources('src/domain/report')) {
      for (const spec of imports(file)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\/.*\.ts$/);
        const target = relative(root, resolve(root, file, '..', spec));
        expect(target.startsWith('src/domain/'), `${file} imports ${target}`).toBe(true);
      }
    }
  });

  it('the domain is pure: it imports only the domain and a few pure libraries', () => {
    for (const file of sources('src/domain')) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) {
          expect(spec, `${file} imports ${spec}`).toMatch(/^(date-fns|@date-fns\/tz|date-holidays)$/);
          continue;
        }
        expect(relative(root, resolve(root, file, '..', spec)).startsWith('src/domain/'), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('use cases and the chat layer speak to ports, never to adapters or platform packages', () => {
    for (const file of [...sources('src/app'), ...sources('src/chat')]) {
      for (const spec of imports(file)) {
        expect(PLATFORM.test(spec), `${file} imports ${spec}`).toBe(false);
        if (spec.startsWith('.')) expect(relative(root, resolve(root, file, '..', spec)), `${file} imports ${spec}`).not.toMatch(/^adapters\//);
      }
    }
  });

  it('the message model, renderers and views import no platform, store or I/O package', () => {
    const files = ['src/chat/message.ts', ...sources('src/chat/render'), ...sources('src/chat/views')];
    for (const file of files) {
      for (const spec of imports(file)) {
        expect(PLATFORM.test(spec), `${file} imports ${spec}`).toBe(false);
        expect(spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : spec).not.toMatch(/^(adapters|src\/app)\//);
      }
    }
  });
});
