import JSZip from 'jszip';

/** Just enough of a .docx reader for tests: the parts, and the body as paragraphs and tables of text. */

export interface DocxParts {
  files: string[];
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
}

export async function openDocx(data: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(data);
  return {
    files: Object.keys(zip.files),
    text: (path) => file(zip, path).async('string'),
    bytes: (path) => file(zip, path).async('uint8array'),
  };
}

function file(zip: JSZip, path: string): JSZip.JSZipObject {
  const f = zip.file(path);
  if (!f) throw new Error(`no ${path} in the document`);
  return f;
}

export type BodyElement =
  | { kind: 'p'; text: string; style: string | null; pageBreakBefore: boolean; xml: string }
  | { kind: 'table'; rows: Cell[][]; xml: string };

export interface Cell {
  text: string;
  fill: string | null;
}

/** The top-level paragraphs and tables of `word/document.xml`, in order. */
export function bodyElements(documentXml: string): BodyElement[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? '';
  const parts = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?=[ >])[\s\S]*?<\/w:p>/g) ?? [];
  return parts.map((xml): BodyElement => {
    if (xml.startsWith('<w:tbl>')) {
      const rows = (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) =>
        (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => ({ text: paragraphText(tc), fill: /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(tc)?.[1] ?? null })),
      );
      return { kind: 'table', rows, xml };
    }
    return {
      kind: 'p',
      text: paragraphText(xml),
      style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? null,
      pageBreakBefore: /<w:pageBreakBefore\/>/.test(xml),
      xml,
    };
  });
}

/** The words of some WordprocessingML: text runs joined, a line break as `\n`, paragraphs by `\n`. */
export function paragraphText(xml: string): string {
  const paragraphs = xml.match(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g) ?? [xml];
  return paragraphs
    .map((p) =>
      (p.match(/<w:t(?=[ >])[^>]*>[\s\S]*?<\/w:t>|<w:br\/>|<w:tab\/>/g) ?? [])
        .map((t) => (t === '<w:br/>' ? '\n' : t === '<w:tab/>' ? '\t' : unescapeXml(t.replace(/^<w:t[^>]*>/, '').replace(/<\/w:t>$/, ''))))
        .join(''),
    )
    .join('\n');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
