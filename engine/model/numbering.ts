/**
 * Section numbers (序次语) at the start of a line. GB/T 9704 uses 一、 （一） 1. （1） for the four
 * levels; writers often type 1、 一. （一）、 〔一〕 or half-width parentheses instead, which are recognised
 * at the level they were meant for so that the numbering rule can name the standard form.
 */
import type { Numbering, NumberLevel } from './types';
import { parseChineseNumeral, toChineseNumeral } from './numerals';

const CN = '[一二三四五六七八九十]{1,3}';
const LEAD = /^[\s\u3000\u00a0]*/;

interface Shape {
  level: NumberLevel;
  re: RegExp;
  chinese: boolean;
}

// Order matters: parenthesised forms before bare ones.
const SHAPES: Shape[] = [
  // 〔一〕: the hexagonal brackets belong to the year of a document number (〔2021〕3号), not to headings.
  { level: 2, re: new RegExp(`^[（(〔](${CN})[）)〕][、，,.．]?`), chinese: true },
  { level: 4, re: /^[（(〔](\d{1,2})[）)〕][、，,.．]?/, chinese: false },
  { level: 1, re: new RegExp(`^(${CN})[、.．，,](?![\\d])`), chinese: true },
  { level: 3, re: /^(\d{1,2})[.．、，,](?!\d)/, chinese: false },
];

export function standardMarker(level: NumberLevel, value: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(value)}、`;
    case 2:
      return `（${toChineseNumeral(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}

export function parseNumbering(text: string): Numbering | undefined {
  const lead = LEAD.exec(text)![0].length;
  const rest = text.slice(lead);
  for (const shape of SHAPES) {
    const m = shape.re.exec(rest);
    if (!m) continue;
    const value = shape.chinese ? parseChineseNumeral(m[1]) : Number(m[1]);
    if (value === null || value <= 0) continue;
    // "一、" must be followed by words, not be a lone character like "一，二，三".
    if (rest.length === m[0].length) continue;
    return {
      level: shape.level,
      value,
      marker: m[0],
      from: lead,
      to: lead + m[0].length,
      standard: standardMarker(shape.level, value),
    };
  }
  return undefined;
}

/** True when the marker as written is not the standard form (a full-width "1．" is accepted). */
export function isMalformed(n: Numbering): boolean {
  if (n.level === 3 && n.marker === `${n.value}．`) return false;
  return n.marker !== n.standard;
}
