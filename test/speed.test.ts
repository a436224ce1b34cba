/**
 * The parts made fast for large drafts keep their meaning: one-pass applyEdits and the indexed
 * conflict check of fix-all give what the simple versions give; the edit log maps offsets back
 * exactly; the diagnostic cap chooses by screen, severity and position; bulk fixes are resolved
 * lazily over LSP and equal the eager ones.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type CompletionItem,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, builtinFormulations, fixAll, fixAllEdits, lint, loadTypesFrom, type Diagnostic, type Fix, type ReportType, type TextEdit } from '../engine';
import { capDiagnostics } from '../engine';
import { EditLog } from '../server/src/edit-log';
import { LspClient } from './helpers/lsp-client';
import { CLI_ENV, REPO } from './helpers/shared';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** The definitions the fast versions replaced: one string rebuild per edit, every pair compared. */
function naiveApply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}
const naiveOverlaps = (a: TextEdit, b: TextEdit) =>
  a.span.start === a.span.end && b.span.start === b.span.end ? a.span.start === b.span.start : a.span.start < b.span.end && b.span.start < a.span.end;
function naiveFixAllEdits(diagnostics: Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const seen = new Set<Fix>();
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || !fix.safe || seen.has(fix)) continue;
    seen.add(fix);
    if (fix.edits.some((e) => taken.some((t) => naiveOverlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

const span = (max: number) => fc.tuple(fc.nat(max), fc.nat(6)).map(([s, len]) => ({ start: s, end: Math.min(max, s + len) }));
const edit = (max: number) => fc.tuple(span(max), fc.constantFrom('', '，', '字', '一二', '😀')).map(([s, newText]) => ({ span: s, newText }));

describe('speed-critical parts keep their meaning', () => {
  it('applyEdits builds the same text as applying edits one at a time', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 60 }), fc.array(edit(60), { maxLength: 12 }), (text, raw) => {
        const edits = raw.map((e) => ({ span: { start: Math.min(e.span.start, text.length), end: Math.min(e.span.end, text.length) }, newText: e.newText }));
        // Only a conflict-free set is ever applied: keep the ones the naive check accepts.
        const free: TextEdit[] = [];
        for (const e of edits) if (!free.some((f) => naiveOverlaps(e, f))) free.push(e);
        assert.equal(applyEdits(text, free), naiveApply(text, free));
      }),
      { numRuns: RUNS },
    );
  });

  it('fix-all takes the same edits as comparing every pair (fixes of several edits, insertions, ties)', () => {
    const fixArb = fc.tuple(fc.array(edit(80), { minLength: 1, maxLength: 3 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fixArb, { maxLength: 40 }), fc.array(fc.nat(39), { maxLength: 10 }), (fixes, shared) => {
        const made: Fix[] = fixes.map(([edits, safe]) => {
          // A fix's own edits do not overlap one another.
          const own: TextEdit[] = [];
          for (const e of edits) if (!own.some((f) => naiveOverlaps(e, f))) own.push(e);
          return { title: 'f', edits: own, safe };
        });
        const diagnostics = made.map((fix) => ({ rule: 'r', severity: 'warning', message: '', span: fix.edits[0].span, fix }) as unknown as Diagnostic);
        // Several findings sharing one fix (renumbering a level) apply it once.
        for (const i of shared) if (made[i]) diagnostics.push({ ...diagnostics[i] });
        assert.deepEqual(fixAllEdits(diagnostics), naiveFixAllEdits(diagnostics));
      }),
      { numRuns: RUNS },
    );
  });

  it('fix-all from a lint the caller already has gives the same result as from scratch', () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'draft-with-problems.md'), 'utf8');
    const fresh = fixAll(text);
    const reused = fixAll(text, {}, undefined, lint(text));
    assert.ok(fresh.edit, 'the example has safe fixes');
    assert.deepEqual(reused.edit, fresh.edit);
    assert.deepEqual(fresh.result?.diagnostics.map((d) => [d.rule, d.span.start]), lint(fresh.text).diagnostics.map((d) => [d.rule, d.span.start]), 'the returned lint is that of the fixed text');
  });

  it('the edit log maps every unedited character of the current text to its place in the older text', () => {
    const change = fc.tuple(fc.nat(1000), fc.nat(1000), fc.constantFrom('', 'a', '字', '\n', 'xy\r\nz', '😀'));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.nat(8), (start, versions, pick) => {
        const log = new EditLog();
        const cfg = log.documents();
        const uri = 'file:///t.md';
        let doc = cfg.create(uri, 'markdown', 1, start);
        // The version last linted; for each character of the current text, where it stood in that
        // version's text (-1: typed since).
        const linted = 1 + (pick % (versions.length + 1));
        let origin = [...Array(start.length).keys()];
        if (linted === 1) log.linted(uri, 1);
        versions.forEach((changes, i) => {
          const version = i + 2;
          let mirror = doc.getText();
          const lsp = changes.map(([a, b, text]) => {
            const at = TextDocument.create('file:///m.md', 'markdown', 0, mirror);
            const len = mirror.length + 1;
            const range = { start: at.positionAt(Math.min(a % len, b % len)), end: at.positionAt(Math.max(a % len, b % len)) };
            const from = at.offsetAt(range.start);
            const to = at.offsetAt(range.end);
            mirror = mirror.slice(0, from) + text + mirror.slice(to);
            origin = [...origin.slice(0, from), ...Array<number>(text.length).fill(-1), ...origin.slice(to)];
            return { range, text };
          });
          // Several changes in one notification apply one after another.
          doc = cfg.update(doc, lsp, version);
          assert.equal(doc.getText(), mirror);
          if (version === linted) {
            log.linted(uri, version);
            origin = [...Array(mirror.length).keys()];
          }
        });
        for (let i = 0; i < origin.length; i++) {
          if (origin[i] >= 0) assert.equal(log.mapBack(uri, linted, i), origin[i], `offset ${i}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('over the cap: lines on screen first, then errors before warnings, in document order, with a count', () => {
    const d = (line: number, severity: Diagnostic['severity']): Diagnostic => ({
      rule: 'r',
      severity,
      message: `${severity}@${line}`,
      span: { start: line, end: line },
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
    });
    const all = [d(0, 'hint'), d(1, 'warning'), d(2, 'error'), d(3, 'warning'), d(4, 'error'), d(5, 'information'), d(6, 'hint')];
    assert.equal(capDiagnostics(all, 10), all, 'under the cap: all, unchanged');
    const plain = capDiagnostics(all, 3);
    assert.deepEqual(plain.slice(1).map((x) => x.message), ['warning@1', 'error@2', 'error@4']);
    assert.equal(plain[0].rule, 'too-many');
    assert.match(plain[0].message, /另有 4 条未显示（警告 1、信息 1、提示 2）/);
    const onScreen = capDiagnostics(all, 3, [{ start: 5, end: 6 }]);
    assert.deepEqual(onScreen.slice(1).map((x) => x.message), ['error@2', 'information@5', 'hint@6']);
  });
});

describe('bulk fixes over LSP, resolved lazily', function () {
  this.timeout(60000);
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    // As VS Code does: the client fills in a code action's edit on codeAction/resolve.
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } } },
      workspaceFolders: null,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
  });
  after(async () => client.stop());

  it('offers fix-all and fix-all-of-a-kind without edits, and resolves them to the fix-all result', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n学习,研讨,交流。\n二、组织生活会召开情况\n会议召开,大家发言。\n三、制定整改措施等情况\n会后整改。\n';
    const uri = 'file:///work/lazy-1.md';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const d = diagnostics.find((x) => x.code === 'half-width-punctuation')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const kind = actions.find((a) => a.title.startsWith('修复本文件中所有此类问题'))!;
    const all = actions.find((a) => a.kind === 'source.fixAll')!;
    assert.ok(kind && all, 'both bulk actions are offered');
    assert.equal(kind.edit, undefined, 'no edit computed when offered');
    assert.equal(all.edit, undefined, 'no edit computed when offered');
    assert.ok(actions.find((a) => a.title.startsWith('在此行忽略'))?.edit, 'cheap actions keep their edit');
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const resolvedKind = (await client.connection.sendRequest(CodeActionResolveRequest.type, kind)) as CodeAction;
    assert.equal(TextDocument.applyEdits(doc, resolvedKind.edit!.changes![uri]), text.replace(/,/g, '，'));
    const resolvedAll = (await client.connection.sendRequest(CodeActionResolveRequest.type, all)) as CodeAction;
    assert.equal(TextDocument.applyEdits(doc, resolvedAll.edit!.changes![uri]), fixAll(text).text);
  });

  it('over 2,000 findings: the lines on screen first once the client says which, and a note with the count', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `第${i}次学习,研讨。`).join('\n');
    const text = `---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n${body}\n二、组织生活会召开情况\n会议召开。\n三、制定整改措施等情况\n会后整改。\n`;
    const uri = 'file:///work/lazy-cap.md';
    await client.open(uri, text);
    const first = await client.diagnostics(uri);
    const note = first.diagnostics.find((d) => d.code === 'too-many');
    assert.ok(note, 'a note');
    assert.match(String(note.message), /另有 \d+ 条未显示/);
    assert.equal(first.diagnostics.length, 2001);
    const onLine = (p: typeof first, line: number) => p.diagnostics.some((d) => d.range.start.line === line && d.code === 'half-width-punctuation');
    assert.ok(onLine(first, 10) && !onLine(first, 2950), 'by position when nothing is known about the screen');
    await client.connection.sendNotification('partyReport/visibleRanges', { uri, ranges: [{ start: 2940, end: 2960 }] });
    const again = await client.diagnostics(uri, (p) => onLine(p, 2950));
    for (let line = 2940; line <= 2960; line++) assert.ok(onLine(again, line), `line ${line} on screen is shown`);
    assert.equal(again.diagnostics.length, 2001);
  });

  it('completion right after a keystroke answers from the last lint, at the right place', async () => {
    const text = '---\ntemplate: org-life-meeting-report\n---\n一、会前准备情况\n学习研讨。\n';
    const uri = 'file:///work/lazy-2.md';
    await client.open(uri, text);
    await client.diagnostics(uri);
    // A new line, and at once a completion there (the server's debounce has not run a lint yet).
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 5 }, end: { line: 4, character: 5 } }, text: '\n' }],
    });
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 0 } })) as CompletionItem[];
    assert.deepEqual(
      items.filter((i) => i.kind === 9).map((i) => i.label),
      ['二、组织生活会召开情况', '三、制定整改措施等情况'],
      'the missing sections, numbered after the one above',
    );
  });
});

describe('lint --jobs', function () {
  this.timeout(120000);
  const CLI = path.join(REPO, 'dist', 'cli.js');
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000, env: CLI_ENV });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-report-jobs-'));
    const examples = fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.md'));
    // Two projects: one whose config has a problem (said once, however many workers meet it).
    for (const [dir, config] of [['a', 'rules: [not, a, map\n'], ['b', 'rules:\n  half-width-punctuation: error\n']]) {
      fs.mkdirSync(path.join(tmp, dir));
      fs.writeFileSync(path.join(tmp, dir, '.party-report.yaml'), config);
      for (let i = 0; i < 15; i++) fs.copyFileSync(path.join(REPO, 'examples', examples[i % examples.length]), path.join(tmp, dir, `r${String(i).padStart(2, '0')}.md`));
    }
    fs.writeFileSync(path.join(tmp, 'a', 'r07.md'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('workers give the same output, messages and exit code as one thread, in the same order', () => {
    const one = run(['lint', '--jobs', '1', tmp]);
    assert.ok(one.stdout.split('\n').length > 30, 'findings to compare');
    assert.equal(one.stderr.match(/\.party-report\.yaml/g)?.length, 1, 'the config problem is said once');
    assert.match(one.stderr, /r07\.md: 无法读取/);
    for (const format of ['text', 'json', 'sarif']) {
      const a = run(['lint', '--jobs', '1', '--format', format, tmp]);
      const b = run(['lint', '--jobs', '3', '--format', format, tmp]);
      assert.deepEqual(b, a);
    }
  });

  it('--fix in workers writes the same files as in one thread', () => {
    const copy = (to: string) => fs.cpSync(tmp, to, { recursive: true });
    const x = path.join(tmp, '..', path.basename(tmp) + '-x');
    const y = path.join(tmp, '..', path.basename(tmp) + '-y');
    copy(x);
    copy(y);
    try {
      const a = run(['lint', '--fix', '--jobs', '1', x]);
      const b = run(['lint', '--fix', '--jobs', '2', y]);
      assert.equal(b.stdout.replaceAll(y, x), a.stdout);
      assert.equal(b.stderr.replaceAll(y, x), a.stderr);
      assert.match(a.stderr, /已修复/);
      for (const d of ['a', 'b']) for (const f of fs.readdirSync(path.join(x, d))) assert.equal(fs.readFileSync(path.join(y, d, f), 'utf8'), fs.readFileSync(path.join(x, d, f), 'utf8'), f);
    } finally {
      fs.rmSync(x, { recursive: true, force: true });
      fs.rmSync(y, { recursive: true, force: true });
    }
  });

  it('refuses a --jobs that is not a positive integer', () => {
    const r = run(['lint', '--jobs', '0', tmp]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--jobs/);
  });
});

describe('data compiled into the bundles', () => {
  it('the bundled engine has the same built-in types and data as reading the YAML files', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(REPO, 'dist', 'engine.js'));
    // JSON has no undefined: a field set to undefined arrives absent, which reads the same.
    const defined = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(defined) : v && typeof v === 'object' && !(v instanceof RegExp) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, defined(x)])) : v;
    const relative = (types: ReportType[]) => types.map((type) => defined({ ...type, source: path.relative(REPO, type.source) }));
    const fromBundle = bundled.builtinTypes();
    const fromYaml = loadTypesFrom(path.join(REPO, 'report-types'));
    assert.ok(fromYaml.types.length >= 6);
    // deepEqual compares regular expressions by source and flags, so a pattern lost on the way shows.
    assert.deepEqual(relative(fromBundle.types), relative(fromYaml.types));
    assert.deepEqual(fromBundle.errors, fromYaml.errors);
    assert.deepEqual(defined(bundled.builtinFormulations()), defined(builtinFormulations()));
  });
});
