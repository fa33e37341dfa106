/** Whitespace and case are ignored when a register without refs is matched on re-import. */
export function normaliseKeyPart(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function workstreamKey(path: readonly string[]): string {
  return path.map(normaliseKeyPart).join(' > ');
}

export function actionMatchKey(path: readonly string[], title: string): string {
  return `${workstreamKey(path)} :: ${normaliseKeyPart(title)}`;
}
