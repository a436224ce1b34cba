/** Hostile inputs for test/hostile*.test.ts: generated here, so no fixture holds megabytes. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_ENV, REPO } from './shared';

/** Every hostile case must finish within this (the promise), the CLI process included. */
export const CASE_LIMIT_MS = 10_000;

/** The opening of a 组织生活会 report, so that the drafts below are checked as reports. */
export const HEAD =
  '关于召开第五党支部专题组织生活会情况的报告\n根据《关于召开专题组织生活会的通知》要求，第五党支部于2025年3月12日召开了专题组织生活会。现将有关情况报告如下。\n';

export const hostile = {
  nestedList(depth: number): string {
    let s = HEAD + '\n';
    for (let d = 0; d < depth; d++) s += '  '.repeat(d) + '- 项目' + d + '\n';
    return s;
  },
  table(rows: number): string {
    let s = HEAD + '\n| 问题 | 措施 | 时限 |\n| --- | --- | --- |\n';
    for (let r = 0; r < rows; r++) s += `| 问题${r} | 措施${r} | 2024年6月 |\n`;
    return s;
  },
  frontMatter(keys: number): string {
    let s = '---\n';
    for (let k = 0; k < keys; k++) s += `key${k}: 值${k}\n`;
    return s + '---\n\n' + HEAD;
  },
  linkDefinitions(n: number): string {
    let s = HEAD + '正文见[a]。\n\n';
    for (let k = 0; k < n; k++) s += `[d${k}]: http://example.com/${k}\n`;
    return s;
  },
  headings(n: number): string {
    return HEAD + '一、会前准备情况\n'.repeat(n);
  },
  /**
   * One paragraph of `n` quotations left open, each followed by a bracket that closes: every closing
   * bracket must find its partner without going through the open quotes (a quadratic search took 43 s).
   */
  openQuotes(n: number): string {
    return HEAD + '一、会前准备情况\n' + '他提出“加强学习。要求大家认真对待（见附件）。'.repeat(n) + '\n';
  },
  /** One line of `n` characters, a half-width comma every other one. */
  longLine(n: number): string {
    return HEAD + '一、会前准备情况\n' + '学,'.repeat(n / 2) + '\n';
  },
  /** One line of `piece` repeated to about `n` characters: a paste of one pattern many times over. */
  lineOf(piece: string, n: number): string {
    return HEAD + '一、会前准备情况\n' + piece.repeat(Math.ceil(n / piece.length)) + '\n';
  },
};

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function cli(args: string[], cwd = REPO): CliResult {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: CASE_LIMIT_MS,
    env: CLI_ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}
