/**
 * Remembers ids for a while, so a retried event (X-Slack-Retry-Num) or a double-delivered interaction
 * is handled once. Bounded: the oldest ids are forgotten first.
 */
export function seenRecently(limit = 5000): (id: string | undefined) => boolean {
  const seen = new Set<string>();
  return (id) => {
    if (!id) return false;
    if (seen.has(id)) return true;
    seen.add(id);
    if (seen.size > limit) seen.delete(seen.values().next().value!);
    return false;
  };
}
