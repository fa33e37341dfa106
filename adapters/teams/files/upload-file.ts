const UPLOAD_TIMEOUT_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Puts a file's bytes into the OneDrive upload session Teams opened when the person accepted it.
 * The session URL carries its own authorisation; it takes the whole file in one request when the
 * request says which bytes it holds (Content-Range). Only https is used, except on this machine
 * (local mode and tests).
 */
export async function uploadFile(uploadUrl: string, content: Uint8Array): Promise<void> {
  const url = new URL(uploadUrl);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error(`refused to upload to ${url.protocol}//${url.host}: Teams' upload sessions are https`);
  }
  const size = content.length;
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes 0-${size - 1}/${size}` },
    body: new Blob([content as Uint8Array<ArrayBuffer>]),
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  // 200 or 201: the file is complete. 202 would mean the session expects more, which a whole file never leaves.
  if (res.status !== 200 && res.status !== 201) throw new Error(`the upload was answered ${res.status}`);
}
