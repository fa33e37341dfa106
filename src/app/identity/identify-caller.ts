import type { DirectoryPerson } from '../../domain/leads/resolve-lead.ts';
import type { AppDeps } from '../deps.ts';
import type { PlatformDirectory } from '../ports/platform-directory.ts';
import type { ChatPlatform } from '../ports/store.ts';
import { fail, ok, type Result } from '../result.ts';

/**
 * Who is talking to the bot: the person already linked to this platform id, else the directory entry
 * with the email the platform gives for them (linked from then on, so it is looked up once).
 */
export async function identifyCaller(
  deps: AppDeps,
  platform: ChatPlatform,
  userId: string,
  directory: PlatformDirectory,
): Promise<Result<DirectoryPerson>> {
  const known = await deps.store.people.findByPlatformUser(platform, userId);
  if (known) return ok(known);
  const email = await directory.emailOf(userId);
  const person = email ? await deps.store.people.findByEmail(email) : null;
  if (!person) {
    return fail(
      'unknown-user',
      `Stocktake does not know you yet${email ? ` (${email})` : ''}. Ask your programme manager to add you to the people file.`,
    );
  }
  await deps.store.people.linkPlatformUser(person.id, platform, userId);
  return ok(person);
}
