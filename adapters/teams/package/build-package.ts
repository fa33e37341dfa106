import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { drawColourIcon, drawOutlineIcon } from './icons.ts';
import { buildManifest, COLOUR_ICON, OUTLINE_ICON, type ManifestOptions, type TeamsManifest } from './manifest.ts';

/**
 * The Teams app package: a zip with `manifest.json`, `color.png` and `outline.png` at its root
 * (not in a folder: Teams refuses a package whose files are one level down), ready for
 * "Upload a custom app" or the Teams admin centre.
 */

export const PACKAGE_FILES = ['manifest.json', COLOUR_ICON, OUTLINE_ICON] as const;
export const DEFAULT_PACKAGE_PATH = path.join('dist', 'stocktake-teams.zip');

export interface TeamsPackage {
  zip: Buffer;
  manifest: TeamsManifest;
  warnings: string[];
}

export async function buildTeamsPackage(options: ManifestOptions = {}): Promise<TeamsPackage> {
  const { manifest, warnings } = buildManifest(options);
  const zip = new JSZip();
  // A fixed date, so the same inputs give the same bytes (a package can be compared or checksummed).
  const date = new Date('2025-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file(COLOUR_ICON, await drawColourIcon(), { date });
  zip.file(OUTLINE_ICON, await drawOutlineIcon(), { date });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { zip: bytes, manifest, warnings };
}

/** Builds the package and writes it (creating the folder), returning what was written. */
export async function writeTeamsPackage(file: string, options: ManifestOptions = {}): Promise<TeamsPackage & { file: string }> {
  const built = await buildTeamsPackage(options);
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, built.zip);
  return { ...built, file: target };
}
