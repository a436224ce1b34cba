/**
 * The JSON encoding of the messages the server writes over stdio (Neovim, Helix, Emacs, Zed…; VS Code
 * talks over IPC, which Node serialises itself). The same bytes' meaning as vscode-jsonrpc's encoder
 * (`JSON.stringify` as UTF-8), with one fast path: diagnostics.
 *
 * Why: at every keystroke the whole list of a document's diagnostics is published again (up to the
 * cap, 2,000), and nearly all of them are what they were — the same rule, severity and message, at
 * most moved. Serialising them and encoding the result as UTF-8 was the largest single cost of a
 * keystroke after the check itself (about 2 ms of 13 at 1 MB). Here each diagnostic's part after its
 * range is kept as UTF-8 bytes, by message, and only the range is written anew.
 */
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

/** A diagnostic's part after the range: `,"severity":2,…,"message":"…"}` as bytes, and what it was made of. */
interface Tail {
  severity: unknown;
  code: unknown;
  source: unknown;
  bytes: Buffer;
}

/** Tails by message (most drafts repeat a few hundred messages); started over when large. */
const tails = new Map<string, Tail>();
const MAX_TAILS = 20_000;

/** The fields a diagnostic may have for the fast path; anything else is serialised as it is. */
function isPlainDiagnostic(d: Record<string, unknown>): boolean {
  if (d === null || typeof d !== 'object' || Object.getPrototypeOf(d) !== Object.prototype) return false;
  for (const key in d) {
    if (key !== 'range' && key !== 'severity' && key !== 'code' && key !== 'source' && key !== 'message') return false;
  }
  const r = d.range as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  return (
    typeof d.message === 'string' &&
    r !== undefined &&
    isPosition(r.start) &&
    isPosition(r.end) &&
    (d.severity === undefined || typeof d.severity === 'number') &&
    (d.code === undefined || typeof d.code === 'string' || typeof d.code === 'number') &&
    (d.source === undefined || typeof d.source === 'string')
  );
}

function isPosition(p: { line?: unknown; character?: unknown } | undefined): boolean {
  if (p === null || typeof p !== 'object') return false;
  for (const key in p) if (key !== 'line' && key !== 'character') return false;
  return Number.isInteger(p.line) && Number.isInteger(p.character);
}

function tailOf(d: { severity?: unknown; code?: unknown; source?: unknown; message: string }): Buffer {
  const known = tails.get(d.message);
  if (known && known.severity === d.severity && known.code === d.code && known.source === d.source) return known.bytes;
  // What JSON.stringify writes for these fields, in this order, without the range and the opening brace.
  const json = JSON.stringify({ severity: d.severity, code: d.code, source: d.source, message: d.message });
  const bytes = Buffer.from(`,${json.slice(1)}`, 'utf8');
  if (tails.size >= MAX_TAILS) tails.clear();
  tails.set(d.message, { severity: d.severity, code: d.code, source: d.source, bytes });
  return bytes;
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** The message as UTF-8 JSON. */
export function encodeMessage(msg: Message): Buffer {
  const m = msg as { jsonrpc?: unknown; method?: unknown; params?: { uri?: unknown; version?: unknown; diagnostics?: unknown } };
  if (m.method !== PUBLISH || !isPublishParams(m)) return Buffer.from(JSON.stringify(msg), 'utf8');
  const params = m.params as { uri: string; version?: number; diagnostics: Array<Record<string, unknown>> };
  const head = `{"jsonrpc":${JSON.stringify(m.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(params.uri)}${
    params.version === undefined ? '' : `,"version":${params.version}`
  },"diagnostics":[`;
  // Each diagnostic as its range (ASCII, written anew) and its tail (bytes, kept), or whole.
  const ranges: string[] = [];
  const rest: Buffer[] = [];
  // The URI may hold any character (as JSON writes it): the head is UTF-8, the ranges ASCII.
  const headBytes = Buffer.from(head, 'utf8');
  let size = headBytes.length + 3;
  for (let i = 0; i < params.diagnostics.length; i++) {
    const d = params.diagnostics[i];
    let range: string;
    let tail: Buffer;
    if (isPlainDiagnostic(d)) {
      const r = d.range as Range;
      range = `${i > 0 ? ',' : ''}{"range":{"start":{"line":${r.start.line},"character":${r.start.character}},"end":{"line":${r.end.line},"character":${r.end.character}}}`;
      tail = tailOf(d as { message: string });
    } else {
      range = i > 0 ? ',' : '';
      tail = Buffer.from(JSON.stringify(d), 'utf8');
    }
    ranges.push(range);
    rest.push(tail);
    size += range.length + tail.length;
  }
  const out = Buffer.allocUnsafe(size);
  let at = headBytes.copy(out, 0);
  for (let i = 0; i < ranges.length; i++) {
    at += out.write(ranges[i], at, 'latin1');
    at += rest[i].copy(out, at);
  }
  at += out.write(']}}', at, 'latin1');
  return at === size ? out : out.subarray(0, at);
}

/** Only the shape this encoder writes: a notification whose params are exactly uri, version and diagnostics. */
function isPublishParams(m: { jsonrpc?: unknown; params?: unknown }): boolean {
  const p = m.params as Record<string, unknown> | undefined;
  if (m.jsonrpc !== '2.0' || p === null || typeof p !== 'object' || 'id' in m) return false;
  for (const key in m) if (key !== 'jsonrpc' && key !== 'method' && key !== 'params') return false;
  for (const key in p) if (key !== 'uri' && key !== 'version' && key !== 'diagnostics') return false;
  return typeof p.uri === 'string' && (p.version === undefined || Number.isInteger(p.version)) && Array.isArray(p.diagnostics);
}

/** For vscode-jsonrpc's StreamMessageWriter (`contentTypeEncoder`). */
export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg: Message) => {
    try {
      return Promise.resolve(encodeMessage(msg));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
