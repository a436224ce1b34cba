// node bench/hostile.mjs (after npm run build): the hostile inputs of issue 13 at the sizes,
// through the CLI, next to markdownlint-cli2 on the same file (a peer on the same parser,
// micromark). Prints wall time, CPU time and peak memory; docs/security.md records a run.
// CPU time is printed because wall time on a shared machine says more about the neighbours.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const work = path.join(ROOT, 'bench', '.work', 'hostile');
fs.mkdirSync(work, { recursive: true });
const PEER_LIMIT_S = Number(process.env.PEER_LIMIT_S ?? 60);

const HEAD = '关于召开第五党支部专题组织生活会情况的报告\n根据《关于召开专题组织生活会的通知》要求，第五党支部于2025年3月12日召开了专题组织生活会。现将有关情况报告如下。\n';
const cases = {
  'lists nested 1000 deep': () => HEAD + '\n' + Array.from({ length: 1000 }, (_, d) => '  '.repeat(d) + '- 项目' + d).join('\n') + '\n',
  'table, 100 000 rows': () => HEAD + '\n| 问题 | 措施 | 时限 |\n| --- | --- | --- |\n' + Array.from({ length: 100_000 }, (_, r) => `| 问题${r} | 措施${r} | 2024年6月 |`).join('\n') + '\n',
  'front matter, 50 000 keys': () => '---\n' + Array.from({ length: 50_000 }, (_, k) => `key${k}: 值${k}`).join('\n') + '\n---\n\n' + HEAD,
  '50 000 link definitions': () => HEAD + '正文见[a]。\n\n' + Array.from({ length: 50_000 }, (_, k) => `[d${k}]: http://example.com/${k}`).join('\n') + '\n',
  '100 000 lines of 一、': () => HEAD + '一、会前准备情况\n'.repeat(100_000),
  'one 2 M-character line': () => HEAD + '一、会前准备情况\n' + '学,'.repeat(1_000_000) + '\n',
};

/** Runs a command under /usr/bin/time: wall seconds, CPU seconds, peak RSS in MB. */
function measure(cmd, args, limitS) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { cwd: ROOT, encoding: 'utf8', timeout: limitS * 1000, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.signal) return { wall: `>${limitS}`, cpu: '–', mb: '–' };
  const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall: wall.toFixed(1), cpu: (user + sys).toFixed(1), mb: Math.round(kb / 1024) };
}

const rows = [['input', 'size', 'party-report s (CPU s, MB)', 'markdownlint-cli2 s (CPU s, MB)']];
for (const [name, make] of Object.entries(cases)) {
  const file = path.join(work, name.replace(/\W+/g, '-') + '.md');
  const text = make();
  fs.writeFileSync(file, text);
  const ours = measure(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', '--template', 'org-life-meeting-report', file], 120);
  const peer = measure(process.execPath, [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), file], PEER_LIMIT_S);
  rows.push([name, `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`, `${ours.wall} (${ours.cpu}, ${ours.mb})`, `${peer.wall} (${peer.cpu}, ${peer.mb})`]);
  console.error(rows[rows.length - 1].join(' | '));
}
console.log(rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
