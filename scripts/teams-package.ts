/**
 * `npm run teams:package`: builds the Teams app package (dist/stocktake-teams.zip) from
 * MICROSOFT_APP_ID (read from the environment or .env) and says what to do with it.
 *
 *   npm run teams:package -- [--out FILE] [--app-id GUID] [--domain HOST …] [--version 1.0.1]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PACKAGE_PATH, PACKAGE_FILES, writeTeamsPackage } from '../adapters/teams/package/build-package.ts';

const HELP = `Builds the Microsoft Teams app package for Stocktake.

Usage: npm run teams:package -- [options]

Options:
  --out FILE       where to write the zip (default ${DEFAULT_PACKAGE_PATH})
  --app-id GUID    the Azure Bot's Microsoft App ID (default: MICROSOFT_APP_ID from the environment or .env)
  --domain HOST    your server's public host name, e.g. stocktake.yourcouncil.gov.uk (may be repeated)
  --version X.Y.Z  the app's version; raise it each time you upload a changed package (default 1.0.0)
  -h, --help       this text
`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        'app-id': { type: 'string' },
        domain: { type: 'string', multiple: true },
        version: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 1;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  // The same .env the server reads; a variable already set in the environment wins.
  if (existsSync('.env')) process.loadEnvFile('.env');

  const appId = args['app-id'] ?? process.env.MICROSOFT_APP_ID ?? '';
  let built;
  try {
    built = await writeTeamsPackage(args.out ?? DEFAULT_PACKAGE_PATH, {
      appId,
      ...(args.version ? { version: args.version } : {}),
      ...(args.domain ? { domains: args.domain } : {}),
    });
  } catch (error) {
    console.error(`Could not build the Teams package: ${(error as Error).message}`);
    return 1;
  }

  const shown = path.relative(process.cwd(), built.file) || built.file;
  console.log(`Wrote ${shown} (${built.zip.length.toLocaleString('en-GB')} bytes): ${PACKAGE_FILES.join(', ')}.`);
  console.log(`App id ${built.manifest.id}, version ${built.manifest.version}; commands: ${built.manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title).join(', ')}.`);
  for (const warning of built.warnings) console.warn(`\nWARNING: ${warning}`);
  console.log(`
Next:
  1. Check that the Azure Bot's messaging endpoint is https://YOUR-HOST/api/messages and that
     MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are in .env.
  2. Upload ${shown}: in the Teams admin centre (Teams apps > Manage apps > Upload new app), or in
     Teams itself (Apps > Manage your apps > Upload an app > Upload a custom app).
  3. Add Stocktake to the governance channel's team, then @mention it there with "help".
See docs/connect-to-teams.md for every step.`);
  return 0;
}

process.exitCode = await main();
