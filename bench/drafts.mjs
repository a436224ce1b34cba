// Makes the benchmark inputs: realistic report drafts of a given size, from the bundled example.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A 专题组织生活会 report padded with numbered sub-sections until it has about `bytes` bytes. */
export function reportOfSize(bytes) {
  const example = fs.readFileSync(path.join(ROOT, 'examples', 'org-life-meeting-report.md'), 'utf8');
  const lines = example.split('\n');
  const body = lines.filter((l) => /^[一二三四]是|^会|^王明/.test(l));
  const out = [lines[0], lines[1], lines[2]];
  const sections = ['会前准备情况', '组织生活会召开情况', '制定整改措施等情况'];
  let size = Buffer.byteLength(out.join('\n'));
  const perSection = Math.max(1, Math.ceil((bytes - size) / sections.length));
  sections.forEach((title, s) => {
    out.push(`${CN[s]}、${title}`);
    let used = 0;
    for (let sub = 1; used < perSection; sub++) {
      const heading = `（${sub <= 10 ? CN[sub - 1] : CN[Math.floor(sub / 10) - 1 + (sub % 10 === 0 ? 0 : 0)]}）第${sub}个方面`;
      out.push(sub <= 10 ? heading : `${sub}.第${sub}个方面`);
      for (const b of body) {
        out.push(b);
        used += Buffer.byteLength(b) + 1;
      }
    }
  });
  out.push('特此报告。', '中共某局机关第三支部委员会', '2025年12月22日');
  return out.join('\n') + '\n';
}

export function writeInputs(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const files = {};
  const seed = path.resolve(ROOT, '..', 'shared', 'seed', '000_65e39421ef2fe7a0.txt');
  files.seed = path.join(dir, 'seed.md');
  fs.writeFileSync(files.seed, fs.existsSync(seed) ? fs.readFileSync(seed) : fs.readFileSync(path.join(ROOT, 'examples', 'org-life-meeting-report.md')));
  files.mb1 = path.join(dir, 'draft-1mb.md');
  fs.writeFileSync(files.mb1, reportOfSize(1_000_000));
  // 60 printed pages: 60 × 22 lines × 28 characters ≈ 37 000 characters ≈ 111 KB of UTF-8.
  files.pages60 = path.join(dir, 'draft-60-pages.md');
  fs.writeFileSync(files.pages60, reportOfSize(111_000));
  return files;
}
