import type { Brag } from '../../domain/brag.ts';
import type { Programme } from '../../domain/programme.ts';
import { isTimezone } from '../../domain/dates/timezone.ts';
import { parseStatusMapping } from '../../domain/status/status-words.ts';
import { parseNation } from '../../domain/working-days.ts';
import type { AppDeps } from '../deps.ts';
import type { ProgrammeSettings } from '../ports/store.ts';
import { fail, ok, type Result } from '../result.ts';

/** Settings as typed on a command line or in chat, before they are checked. */
export interface ProgrammeSettingsInput {
  timezone?: string;
  nation?: string;
  slackChannel?: string;
  teamsChannel?: string;
  /** "Word=colour" mappings for the programme's own status words. */
  status?: string[];
}

function checkSettings(input: ProgrammeSettingsInput, current: Record<string, Brag>): Result<Partial<ProgrammeSettings>> {
  const out: Partial<ProgrammeSettings> = {};
  if (input.timezone !== undefined) {
    if (!isTimezone(input.timezone)) return fail('invalid-input', `"${input.timezone}" is not a timezone (for example Europe/London).`);
    out.timezone = input.timezone;
  }
  if (input.nation !== undefined) {
    const nation = parseNation(input.nation);
    if (!nation.ok) return fail('invalid-input', nation.error);
    out.nation = nation.value;
  }
  if (input.slackChannel !== undefined) out.slackChannelId = input.slackChannel || null;
  if (input.teamsChannel !== undefined) out.teamsChannelId = input.teamsChannel || null;
  if (input.status?.length) {
    const words = { ...current };
    for (const text of input.status) {
      const mapping = parseStatusMapping(text);
      if (!mapping.ok) return fail('invalid-input', mapping.error);
      words[mapping.value.word] = mapping.value.brag;
    }
    out.statusWords = words;
  }
  return ok(out);
}

export async function addProgramme(deps: AppDeps, name: string, input: ProgrammeSettingsInput, actor: string): Promise<Result<Programme>> {
  if (!name.trim()) return fail('invalid-input', 'A programme needs a name.');
  if (await deps.store.programmes.findByName(name)) return fail('programme-exists', `A programme called "${name}" already exists: use programme set to change it.`);
  const checked = checkSettings(input, {});
  if (!checked.ok) return checked;
  const programme = await deps.store.programmes.create(name, {
    timezone: deps.defaultTimezone,
    nation: 'england-wales',
    statusWords: {},
    slackChannelId: null,
    teamsChannelId: null,
    ...checked.value,
  });
  await deps.store.audit.record({ actor, programmeId: programme.id, verb: 'create', entity: 'programme', entityId: programme.id, details: { ...checked.value } });
  return ok(programme);
}

export async function setProgramme(deps: AppDeps, name: string, input: ProgrammeSettingsInput, actor: string): Promise<Result<Programme>> {
  const programme = await deps.store.programmes.findByName(name);
  if (!programme) return fail('programme-not-found', `There is no programme called "${name}".`);
  const checked = checkSettings(input, programme.statusWords);
  if (!checked.ok) return checked;
  const updated = await deps.store.programmes.update(programme.id, checked.value);
  await deps.store.audit.record({ actor, programmeId: programme.id, verb: 'update', entity: 'programme', entityId: programme.id, details: { ...checked.value } });
  return ok(updated);
}
