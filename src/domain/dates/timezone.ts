/** Whether the runtime knows an IANA timezone such as Europe/London. */
export function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
