/**
 * Word's automatic numbering (numbering.xml): the "一、" or "（一）" that Word draws before a paragraph
 * is not in the paragraph's text, yet it is what the numbering checks read. This computes it the way
 * Word counts: one counter per list (abstract numbering, or the instance when it restarts), lower
 * levels restarting when a higher one advances.
 */
import { toChineseNumeral } from '../model/numerals';
import { kid, kids, wAttr } from './ooxml';

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Instance {
  counterKey: string;
  levels: Map<number, Level>;
}

const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return toChineseNumeral(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export class ListNumbers {
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, number[]>();

  constructor(numbering: Document | undefined) {
    if (!numbering) return;
    const root = numbering.documentElement;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of kids(root, 'abstractNum')) abstracts.set(wAttr(a, 'abstractNumId') ?? '', levelsOf(a));
    for (const num of kids(root, 'num')) {
      const id = wAttr(num, 'numId') ?? '';
      const abstractId = wAttr(kid(num, 'abstractNumId'), 'val') ?? '';
      const levels = new Map(abstracts.get(abstractId) ?? []);
      let restarts = false;
      for (const o of kids(num, 'lvlOverride')) {
        const ilvl = Number(wAttr(o, 'ilvl') ?? 0);
        const override = kid(o, 'lvl');
        const base = levels.get(ilvl);
        const start = wAttr(kid(o, 'startOverride'), 'val');
        if (override) levels.set(ilvl, { ...(base ?? { start: 1, format: 'decimal', text: '' }), ...levelOf(override) });
        if (start !== undefined && base) {
          levels.set(ilvl, { ...levels.get(ilvl)!, start: Number(start) });
          restarts = true;
        }
      }
      // Instances of one abstract list continue each other's count unless one restarts it.
      this.instances.set(id, { counterKey: restarts ? `num:${id}` : `abs:${abstractId}`, levels });
    }
  }

  /** True if Word draws a bullet (not a number) for this list level. */
  isBullet(numId: string, ilvl: number): boolean {
    return this.instances.get(numId)?.levels.get(ilvl)?.format === 'bullet';
  }

  /** The number Word shows for the next paragraph of list `numId` at level `ilvl`, e.g. "（二）". */
  next(numId: string, ilvl: number): string {
    const inst = this.instances.get(numId);
    if (!inst || numId === '0') return '';
    const level = inst.levels.get(ilvl);
    if (!level) return '';
    let counts = this.counters.get(inst.counterKey);
    if (!counts) this.counters.set(inst.counterKey, (counts = []));
    for (let l = 0; l <= ilvl; l++) if (counts[l] === undefined) counts[l] = (inst.levels.get(l)?.start ?? 1) - (l === ilvl ? 1 : 0);
    counts[ilvl]++;
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return '';
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      return formatNumber(counts![l] ?? inst.levels.get(l)?.start ?? 1, inst.levels.get(l)?.format ?? 'decimal');
    });
  }
}

function levelsOf(abstract: Element): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const lvl of kids(abstract, 'lvl')) out.set(Number(wAttr(lvl, 'ilvl') ?? 0), { start: 1, format: 'decimal', text: '', ...levelOf(lvl) });
  return out;
}

function levelOf(lvl: Element): Partial<Level> {
  const out: Partial<Level> = {};
  const start = wAttr(kid(lvl, 'start'), 'val');
  if (start !== undefined) out.start = Number(start);
  const format = wAttr(kid(lvl, 'numFmt'), 'val');
  if (format !== undefined) out.format = format;
  const text = wAttr(kid(lvl, 'lvlText'), 'val');
  if (text !== undefined || kid(lvl, 'lvlText')) out.text = text ?? '';
  return out;
}
