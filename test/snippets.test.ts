/**
 * Every snippet body parses as a VS Code snippet (TextMate snippet syntax: $1, ${1:default},
 * ${1|a,b|}, $VARIABLE, ${VARIABLE:default}, escapes), has tab stops in order, and is described.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../engine';
import { REPO } from './helpers/shared';

const VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'CLIPBOARD', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'UUID', 'WORKSPACE_NAME',
]);

interface Parsed {
  tabstops: number[];
  choices: number;
}

/** A small recursive-descent reader of the snippet grammar; throws with the position on error. */
function parseSnippet(body: string): Parsed {
  let i = 0;
  const out: Parsed = { tabstops: [], choices: 0 };
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i}: ${body.slice(Math.max(0, i - 10), i + 10)}`);
  };
  const int = () => {
    const m = /^\d+/.exec(body.slice(i));
    if (!m) fail('expected a number');
    i += m![0].length;
    return Number(m![0]);
  };
  const name = () => {
    const m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(body.slice(i));
    if (!m) fail('expected a variable name');
    i += m![0].length;
    if (!VARIABLES.has(m![0])) fail(`unknown variable ${m![0]}`);
  };
  // Reads text and nested elements until `stop` (a closing brace) or the end.
  const any = (inside: boolean) => {
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (inside && c === '}') return;
      if (c !== '$') {
        i++;
        continue;
      }
      i++;
      if (/\d/.test(body[i])) out.tabstops.push(int());
      else if (/[_A-Za-z]/.test(body[i])) name();
      else if (body[i] === '{') {
        i++;
        if (/\d/.test(body[i])) {
          out.tabstops.push(int());
          if (body[i] === ':') {
            i++;
            any(true);
          } else if (body[i] === '|') {
            i++;
            out.choices++;
            const end = body.indexOf('|}', i);
            if (end < 0) fail('unclosed choice');
            const options = body.slice(i, end).split(/(?<!\\),/);
            if (options.some((o) => o.length === 0)) fail('empty choice');
            i = end + 1;
          }
        } else {
          name();
          if (body[i] === ':') {
            i++;
            any(true);
          }
        }
        if (body[i] !== '}') fail('expected }');
        i++;
      } else i++; // a lone $ is text
    }
    if (inside) fail('unclosed ${');
  };
  any(false);
  return out;
}

describe('snippets', () => {
  const file = path.join(REPO, 'snippets', 'party-report.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[]; description: string }>;

  it('has at least 20 snippets with Chinese and pinyin-initial prefixes', () => {
    const entries = Object.entries(snippets);
    assert.ok(entries.length >= 20, `${entries.length} snippets`);
    for (const [name, s] of entries) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name}: a Chinese prefix`);
      assert.ok(prefixes.some((p) => /^[a-z]+$/.test(p)), `${name}: a pinyin-initials prefix`);
      assert.ok(s.description, `${name}: a description`);
    }
  });

  it('every body parses as a VS Code snippet', () => {
    let withChoices = 0;
    let withStops = 0;
    for (const [name, s] of Object.entries(snippets)) {
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      const parsed = parseSnippet(body);
      if (parsed.choices > 0) withChoices++;
      if (parsed.tabstops.length > 0) withStops++;
      assert.ok(parsed.tabstops.length > 0 || !/\$/.test(body), `${name}`);
    }
    assert.ok(withChoices >= 10, `${withChoices} snippets with choice lists`);
    assert.ok(withStops >= 20, `${withStops} snippets with tab stops`);
  });

  it('every body, with any of its choices, reads right to the checks: counts agree with their lists, 一是 runs in order', () => {
    // Each choice of the first choice list in turn, every other placeholder at its default.
    const expand = (body: string, pick: number): string => {
      let out = body;
      for (let guard = 0; guard < 50 && /\$\{\d+:[^${}]*\}/.test(out); guard++) out = out.replace(/\$\{\d+:([^${}]*)\}/g, '$1');
      let seen = 0;
      out = out.replace(/\$\{\d+\|([^|]*)\|\}/g, (_m, list: string) => {
        const options = list.split(/(?<!\\),/);
        return options[seen++ === 0 ? Math.min(pick, options.length - 1) : 0];
      });
      return out.replace(/\$\{?(\d+|[A-Z_]+)\}?/g, (_m, v: string) => (/^\d+$/.test(v) ? '' : '2025')).replace(/\\(.)/g, '$1');
    };
    const report = (paragraph: string) =>
      `---\ntemplate: org-life-meeting-report\n---\n# 关于召开专题组织生活会情况的报告\n\n## 一、会前准备情况\n\n${paragraph}\n\n## 二、组织生活会召开情况\n\n会议由书记主持。\n\n## 三、制定整改措施等情况\n\n制定了整改清单。\n`;
    for (const [name, s] of Object.entries(snippets)) {
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      const choices = /\$\{\d+\|([^|]*)\|\}/.exec(body)?.[1].split(/(?<!\\),/).length ?? 1;
      for (let pick = 0; pick < choices; pick++) {
        const text = expand(body, pick);
        const found = lint(report(text)).diagnostics.filter((d) => d.rule === 'count-mismatch' || d.rule === 'enumeration-sequence');
        assert.deepEqual(found.map((d) => d.message), [], `${name}, choice ${pick + 1}: ${text}`);
      }
    }
  });

  it('the reader itself rejects malformed bodies', () => {
    assert.throws(() => parseSnippet('${1:unclosed'));
    assert.throws(() => parseSnippet('${1|a,,b|}'));
    assert.throws(() => parseSnippet('$NOT_A_VARIABLE'));
    assert.doesNotThrow(() => parseSnippet('${1|a,b|} $CURRENT_YEAR ${2:x${3:y}} \\$5'));
  });
});
