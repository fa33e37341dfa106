/** Button values come back from the platform: parsed defensively, a tampered one reads as expired. */
export function parseButtonValue<T extends object>(raw: string, keys: readonly (keyof T & string)[]): T | null {
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) return null;
    return keys.every((k) => k in value && (value[k] === null || typeof value[k] === 'string')) ? (value as T) : null;
  } catch {
    return null;
  }
}
