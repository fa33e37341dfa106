/**
 * Adapters write a mention of a user in command text as `<@USERID>` (Slack's own form, without its
 * `|name` part); Teams' `<at>` mentions are translated to the same form by its adapter.
 */
export function mentionedUserId(text: string): string | null {
  return /^<@([A-Za-z0-9._:-]+)(?:\|[^>]*)?>$/.exec(text.trim())?.[1] ?? null;
}
