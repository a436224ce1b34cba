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

/** A small deterministic generator (mulberry32), so every run measures the same drafts. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['党支部', '支委会', '全体党员', '支部书记', '各党小组', '机关党委', '青年党员', '组织委员'];
const ACTIONS = ['深入学习贯彻党的二十届四中全会精神', '认真开展批评和自我批评', '扎实推进整改落实', '广泛征求意见建议', '严格落实“三会一课”制度', '持续加强作风建设', '推动理论学习走深走实', '抓好主题党日活动'];
const DETAILS = ['做到见人见事见思想', '形成问题清单和整改台账', '确保各项任务落地见效', '切实把学习成果转化为工作成效', '以实际行动践行初心使命', '进一步增强政治意识、大局意识、核心意识、看齐意识'];
/** Sentences with something to find: the mistakes drafts pasted from Word really have. */
const FLAWED = [
  (n) => `共征求意见建议${n}条,经梳理归纳为${(n % 9) + 2}个问题。`,
  (n) => `于2025.${(n % 12) + 1}.${(n % 28) + 1}召开专题会议，研究部署相关工作。`,
  (n) => `根据《关于开展第${n}批学习教育的通知》（机党发[2025]${n}号）要求，认真组织实施。`,
  (n) => `坚定道路自信、理论自信、文化自信、制度自信，发扬“钉钉子精神，推动第${n}项工作落实。`,
  (n) => `经研究，由XXX同志负责第${n}项任务，于XXXX年X月完成。`,
  () => '会议共有三项议程，一是传达学习上级精神；二是开展对照检查。',
];

/**
 * A varied report of about `bytes` bytes: headings at two levels, paragraphs of different lengths
 * made of different sentences, enumerations, and now and then a flaw of every kind the rules find
 * (about one finding in a thousand characters). Unlike reportOfSize, no two paragraphs are alike.
 */
export function variedReportOfSize(bytes, seed = 1) {
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const out = ['关于召开第三党支部专题组织生活会情况的报告', '机关党委：', '根据《关于召开2025年度基层党组织组织生活会的通知》（机党发〔2025〕12号）要求，第三党支部召开了专题组织生活会。现将有关情况报告如下。'];
  const sections = ['会前准备情况', '组织生活会召开情况', '制定整改措施等情况'];
  let size = Buffer.byteLength(out.join('\n'));
  const perSection = Math.max(1, Math.ceil((bytes - size) / sections.length));
  let n = 0;
  sections.forEach((title, s) => {
    out.push(`${CN[s]}、${title}`);
    let used = 0;
    for (let sub = 1; used < perSection; sub++) {
      out.push(sub <= 10 ? `（${CN[sub - 1]}）第${sub}个方面的情况` : `${sub}.第${sub}个方面的情况`);
      const paragraphs = 3 + Math.floor(rnd() * 6);
      for (let p = 0; p < paragraphs && used < perSection; p++) {
        const sentences = [];
        const count = 1 + Math.floor(rnd() * 5);
        for (let k = 0; k < count; k++) {
          n++;
          sentences.push(rnd() < 0.08 ? pick(FLAWED)(n) : `${pick(SUBJECTS)}${pick(ACTIONS)}，${pick(DETAILS)}，第${n}次推进。`);
        }
        const line = (p < 4 && rnd() < 0.3 ? `${CN[p]}是` : '') + sentences.join('');
        out.push(line);
        used += Buffer.byteLength(line) + 1;
      }
    }
  });
  out.push('特此报告。', '中共某局机关第三支部委员会', '2025年12月22日');
  return out.join('\n') + '\n';
}

/**
 * Where keystroke benchmarks type their i-th of n characters: a few characters into a paragraph,
 * the spots spread evenly over the draft (the same spots in the server and in-process benches).
 */
export function editSpot(lines, i, n) {
  const line = Math.floor(((i + 1) * lines.length) / (n + 2));
  return { line, character: Math.min(5, lines[line].length) };
}

/** `text` with 字 typed at its i-th of n spots (see editSpot). */
export function typeAtSpot(text, i, n) {
  const lines = text.split('\n');
  const { line, character } = editSpot(lines, i, n);
  let off = character;
  for (let k = 0; k < line; k++) off += lines[k].length + 1;
  return text.slice(0, off) + '字' + text.slice(off);
}
