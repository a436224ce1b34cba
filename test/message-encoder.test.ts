/**
 * The server's message encoding over stdio (server/src/message-encoder.ts): whatever the message,
 * the bytes parse to what JSON.stringify would have written, including when a kept part of a
 * diagnostic would be stale.
 */
import * as assert from 'node:assert/strict';
import { encodeMessage } from '../server/src/message-encoder';

const roundTrip = (x: unknown) => JSON.parse(JSON.stringify(x));
const decoded = (msg: unknown) => JSON.parse(encodeMessage(msg as never).toString('utf8'));

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function publish(diagnostics: unknown[], extra: Record<string, unknown> = {}) {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///稿件/草稿%20一.md', version: 7, diagnostics, ...extra } };
}

describe('message encoding over stdio', () => {
  it('writes published diagnostics as JSON.stringify would, messages of every kind of character included', () => {
    const diagnostics = [
      { range: range(0, 0, 2), severity: 2, code: 'enumeration-sequence', source: '党建报告', message: '“三是”之前没有“一是”：列举应从“一是”开始。' },
      { range: range(3, 5, 6), severity: 1, code: 42, source: '党建报告', message: 'quote " backslash \\ tab \t newline \n nul \u0000 emoji 😀 lone \ud800' },
      { range: range(9, 0, 0), message: '只有消息' },
      { range: range(10, 1, 4), severity: 3, code: 'copied-paragraph', source: '党建报告', message: '与其他文稿相同', relatedInformation: [{ location: { uri: 'file:///a.md', range: range(2, 0, 0) }, message: '第 3 行' }] },
      { range: range(11, 0, 1), severity: 4, code: 'x', message: '带数据', data: { fix: [1, 2] }, tags: [1] },
    ];
    const msg = publish(diagnostics);
    assert.deepEqual(decoded(msg), roundTrip(msg));
    // A second time, from what was kept: the same.
    assert.deepEqual(decoded(msg), roundTrip(msg));
  });

  it('never reuses a kept part whose severity, code or source has changed', () => {
    const message = '同一条消息';
    for (const d of [
      { range: range(1, 0, 1), severity: 2, code: 'a', source: 's', message },
      { range: range(1, 0, 1), severity: 1, code: 'a', source: 's', message },
      { range: range(1, 0, 1), severity: 1, code: 'b', source: 's', message },
      { range: range(1, 0, 1), severity: 1, code: 'b', message },
    ]) {
      const msg = publish([d]);
      assert.deepEqual(decoded(msg), roundTrip(msg));
    }
  });

  it('keeps whatever else a message carries: no version, other fields, other methods, requests and responses', () => {
    const plain = { range: range(0, 0, 1), severity: 2, code: 'a', source: 's', message: 'm' };
    const messages = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x.md', diagnostics: [plain] } },
      publish([], {}),
      publish([plain], { extra: true }),
      publish([{ ...plain, range: { start: { line: 0, character: 0, extra: 1 }, end: { line: 0, character: 1 } } }]),
      publish([Object.assign(Object.create({ inherited: 1 }), plain)]),
      { jsonrpc: '2.0', id: 3, method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x.md', diagnostics: [plain] } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 4, message: 'checked 中文' } },
      { jsonrpc: '2.0', id: 1, result: { items: [{ label: '一是' }] } },
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'no' } },
    ];
    for (const msg of messages) assert.deepEqual(decoded(msg), roundTrip(msg));
  });

  it('writes a long list in one piece', () => {
    const diagnostics = Array.from({ length: 2000 }, (_, i) => ({ range: range(i, i % 7, (i % 7) + 2), severity: (i % 4) + 1, code: `rule-${i % 9}`, source: '党建报告', message: `第 ${i % 50} 种问题：请修改。` }));
    const msg = publish(diagnostics);
    const bytes = encodeMessage(msg as never);
    assert.equal(bytes.length, Buffer.byteLength(JSON.stringify(decoded(msg))));
    assert.deepEqual(decoded(msg), roundTrip(msg));
  });
});
