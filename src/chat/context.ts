import type { AppDeps } from '../app/deps.ts';
import type { PlatformDirectory } from '../app/ports/platform-directory.ts';
import type { DirectoryPerson } from '../domain/leads/resolve-lead.ts';
import type { Actor } from '../domain/roles/permissions.ts';
import type { Caller, Place, Platform } from './inbound.ts';

/** Everything a command, button or form handler is given: the use cases' ports and who is asking, from where. */
export interface ChatContext {
  deps: AppDeps;
  platform: Platform;
  caller: Caller;
  place: Place;
  person: DirectoryPerson;
  actor: Actor;
  directory: PlatformDirectory;
}

/** The governance or programme channel on the platform the caller is using. */
export function channelOn(ctx: ChatContext, target: { slackChannelId: string | null; teamsChannelId: string | null }): string | null {
  return ctx.platform === 'slack' ? target.slackChannelId : target.teamsChannelId;
}
