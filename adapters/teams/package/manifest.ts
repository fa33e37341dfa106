import { COMMANDS } from '../../../src/chat/router.ts';
import type { CommandHandler } from '../../../src/chat/handlers.ts';

/**
 * The Teams app manifest (schema 1.17): the bot, the commands Teams offers in its command menu,
 * the scopes it can be added to, and the names and descriptions an administrator sees.
 * The command list is generated from the chat router's registry, like `help`, so the menu can
 * never offer a command the bot does not have.
 */

export const MANIFEST_VERSION = '1.17';
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/**
 * Stands in for the app id when MICROSOFT_APP_ID is not set. A package built with it installs
 * nowhere useful: Teams routes messages to the bot registered under the app id.
 */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

export const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const;
export type BotScope = (typeof BOT_SCOPES)[number];

export const COLOUR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';
/** The colour icon's background, and the app's accent colour in Teams. */
export const ACCENT_COLOUR = '#1F3864';

/** Teams' limits on the manifest's fields, checked when it is built. */
const LIMITS = { shortName: 30, fullName: 100, shortDescription: 80, fullDescription: 4000, commandTitle: 32, commandDescription: 128, commandsPerList: 10 } as const;

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: {
    botId: string;
    scopes: BotScope[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: { scopes: BotScope[]; commands: ManifestCommand[] }[];
  }[];
  permissions: string[];
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string };
}

export interface ManifestOptions {
  /** The Azure Bot's Microsoft App ID (MICROSOFT_APP_ID); omitted: the placeholder, with a warning. */
  appId?: string;
  /** The app's version, shown to administrators; raise it for each upload of a changed package (default 1.0.0). */
  version?: string;
  /** Domains the app may open links to (the server's public host name, for example). */
  domains?: readonly string[];
  /** The developer's details as shown in the Teams store listing. */
  developer?: Partial<TeamsManifest['developer']>;
}

export interface BuiltManifest {
  manifest: TeamsManifest;
  /** Things the administrator must know before uploading (the placeholder id, above all). */
  warnings: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The menu entry for one command: its title is what Teams puts into the compose box when picked
 * (the command's words, before its arguments); the description says what it does and what
 * may follow it.
 */
export function manifestCommand(command: Pick<CommandHandler, 'usage' | 'summary'>): ManifestCommand {
  const usage = command.usage.trim();
  const cut = usage.search(/\s[[<]/);
  const title = (cut < 0 ? usage : usage.slice(0, cut)).trim();
  const args = cut < 0 ? '' : usage.slice(cut).trim();
  const description = args === '' ? command.summary : `${args} — ${command.summary}`;
  return { title: fit(title, LIMITS.commandTitle), description: fit(description, LIMITS.commandDescription) };
}

export function teamsCommands(commands: readonly Pick<CommandHandler, 'usage' | 'summary'>[] = COMMANDS): ManifestCommand[] {
  const list = commands.map(manifestCommand);
  if (list.length > LIMITS.commandsPerList) throw new Error(`Teams shows at most ${LIMITS.commandsPerList} commands in a menu; the registry has ${list.length}`);
  return list;
}

export function buildManifest(options: ManifestOptions = {}): BuiltManifest {
  const warnings: string[] = [];
  const given = options.appId?.trim() ?? '';
  let id = given;
  if (given === '') {
    id = PLACEHOLDER_APP_ID;
    warnings.push(
      `MICROSOFT_APP_ID is not set, so the package uses the placeholder app id ${PLACEHOLDER_APP_ID}. ` +
        'Teams will not deliver messages to it: set MICROSOFT_APP_ID (the Azure Bot\'s Microsoft App ID) in .env and build the package again before uploading it.',
    );
  } else if (!GUID.test(given)) {
    throw new Error(`MICROSOFT_APP_ID "${given}" is not a GUID; copy the Microsoft App ID from the Azure Bot's Configuration page`);
  }
  const version = options.version ?? '1.0.0';
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) throw new Error(`The version "${version}" must be three numbers, like 1.0.0`);
  const domains = [...new Set((options.domains ?? []).map(hostOnly).filter((d) => d !== ''))];

  const commands = teamsCommands();
  const manifest: TeamsManifest = {
    $schema: MANIFEST_SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version,
    id,
    developer: {
      name: 'Stocktake',
      websiteUrl: 'https://example.org/stocktake',
      privacyUrl: 'https://example.org/stocktake/privacy',
      termsOfUseUrl: 'https://example.org/stocktake/terms',
      ...options.developer,
    },
    name: { short: 'Stocktake', full: 'Stocktake: progress updates and highlight reports' },
    description: {
      short: 'Collects leads’ progress updates and compiles the board’s highlight report.',
      full:
        'Stocktake runs the work before each governance board of an improvement programme, such as a SEND improvement plan or a Written Statement of Action. ' +
        'It asks each lead, once, for progress on their own open actions; records each update (BRAG status, note, next steps, evidence link); ' +
        'chases those who have not replied; and, when the chair asks, posts the compiled highlight report to the governance channel. ' +
        'Message Stocktake in a personal chat, or @mention it in a channel, with: overdue, send-report, my actions or help.',
    },
    icons: { color: COLOUR_ICON, outline: OUTLINE_ICON },
    accentColor: ACCENT_COLOUR,
    bots: [
      {
        botId: id,
        scopes: [...BOT_SCOPES],
        // The board paper is handed over as a file in the 1:1 chat (adapters/teams/files): Teams needs this for the consent card.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: BOT_SCOPES.map((scope) => ({ scopes: [scope], commands })),
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: domains,
    localizationInfo: { defaultLanguageTag: 'en-gb' },
  };
  checkLengths(manifest);
  return { manifest, warnings };
}

function checkLengths(m: TeamsManifest): void {
  const check = (what: string, text: string, max: number): void => {
    if (text.length > max) throw new Error(`The manifest's ${what} is ${text.length} characters; Teams allows ${max}`);
  };
  check('short name', m.name.short, LIMITS.shortName);
  check('full name', m.name.full, LIMITS.fullName);
  check('short description', m.description.short, LIMITS.shortDescription);
  check('full description', m.description.full, LIMITS.fullDescription);
}

/** A domain as Teams wants it: the host name alone, without scheme, path or port. */
function hostOnly(domain: string): string {
  const d = domain.trim();
  if (d === '') return '';
  try {
    return new URL(/^[a-z]+:\/\//i.test(d) ? d : `https://${d}`).hostname;
  } catch {
    throw new Error(`"${domain}" is not a host name`);
  }
}

function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
