import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { Harness } from './harness';

const run = promisify(execFile);

/** A download over HTTP with a bearer token: status, headers and the bytes. */
export async function download(h: Harness, url: string, token: string | null) {
  const res = await fetch(`${h.baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) as { errors: { message: string; extensions: { code: string; reason?: string } }[] } };
}

/** word/document.xml of a DOCX, and its text (the runs' contents joined). */
export async function docxXml(bytes: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

/** The text of a PDF as pdf-parse reads it (in a child process; white space and line breaks removed), its page count, and the embedded subset fonts. */
export async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number; embeddedFonts: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yunhu-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  try {
    const { stdout } = await run(process.execPath, [path.join(__dirname, 'pdf-text.js'), file], { maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(stdout) as { text: string; total: number };
    const raw = bytes.toString('latin1');
    // A subset font: /BaseFont /ABCDEF+Name in a descriptor that carries the font program (/FontFile2).
    const embeddedFonts = raw.includes('/FontFile2') ? [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]!) : [];
    return { text: r.text.replace(/\s+/g, ''), pages: r.total, embeddedFonts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
