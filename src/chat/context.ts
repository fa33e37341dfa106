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

/** A command as the caller types it: `/overdue` in Slack, plain `overdue` to the bot in Teams. */
export function typed(ctx: Pick<ChatContext, 'platform'>, command: string): string {
  return ctx.platform === 'slack' ? `/${command}` : command;
}

/** The governance or programme channel on the platform the caller is using. */
export function channelOn(ctx: ChatContext, target: { slackChannelId: string | null; teamsChannelId: string | null }): string | null {
  return ctx.platform === 'slack' ? target.slackChannelId : target.teamsChannelId;
}
