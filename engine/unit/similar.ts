/**
 * Approximate matching for quotations and themes: where in a longer text a shorter one is found
 * with the fewest characters changed, added or dropped (edit distance with free ends), ignoring
 * punctuation and spaces, which writers and sources set differently (“江山就是人民、人民就是江山”
 * is quoted with ， as often as with 、).
 */

const IGNORED = /[\s\u3000，。、；：！？“”‘’《》（）〈〉【】〔〕—…·,.;:!?'"()\-[\]]/;

export interface Letters {
  /** The text without punctuation and spaces. */
  text: string;
  /** For each character of `text`, its index in the original. */
  at: number[];
}

export function letters(s: string): Letters {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (IGNORED.test(s[i])) continue;
    text += s[i];
    at.push(i);
  }
  return { text, at };
}

export interface Match {
  distance: number;
  /** Half-open range in the haystack's letters. */
  start: number;
  end: number;
}

/** The region of `hay` closest to all of `needle`: semi-global alignment, O(n·m). */
export function bestMatch(needle: string, hay: string): Match {
  const n = needle.length;
  const m = hay.length;
  // prev[j]/cur[j]: cost of aligning needle[0..i) ending at hay position j; start[j]: where it began.
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prevStart[j] = j;
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (needle[i - 1] === hay[j - 1] ? 0 : 1);
      const del = prev[j] + 1; // needle character missing from hay
      const ins = cur[j - 1] + 1; // hay character missing from needle
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1];
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best = 0;
  // On a tie the later end wins: a changed last character is a substitution, not a drop.
  for (let j = 1; j <= m; j++) if (prev[j] <= prev[best]) best = j;
  return { distance: prev[best], start: prevStart[best], end: best };
}

/** How many changes still count as "the same text, altered": about one in eight characters, at least one. */
export const closeEnough = (length: number, distance: number) => distance <= Math.max(1, Math.floor(length / 8));
