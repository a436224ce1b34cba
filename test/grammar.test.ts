/** The TextMate injection grammar, tokenized with vscode-textmate over VS Code's Markdown grammar. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { REPO } from './helpers/shared';

const INJECTION = 'markdown.party-report.injection';

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file =
        scope === 'text.html.markdown'
          ? path.join(REPO, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json')
          : scope === INJECTION
            ? path.join(REPO, 'syntaxes', 'party-report.injection.tmLanguage.json')
            : undefined;
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

describe('highlighting grammar', function () {
  this.timeout(20000);
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  /** The text of every token whose scopes include `scope`, over the given lines. */
  function tokens(lines: string[], scope: string): string[] {
    let state = textmate.INITIAL;
    const found: string[] = [];
    for (const line of lines) {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) if (t.scopes.some((s) => s.startsWith(scope))) found.push(line.slice(t.startIndex, t.endIndex));
      state = r.ruleStack;
    }
    return found;
  }

  it('marks placeholders', () => {
    assert.deepEqual(tokens(['于XXXX年X月召开，【填写地点】，{{branch}}，××参加，用Excel和X光。'], 'invalid.illegal.placeholder'), [
      'XXXX',
      'X',
      '【填写地点】',
      '{{branch}}',
      '××',
    ]);
  });

  it('marks section numbers at a line start, in bare lines and Markdown headings', () => {
    assert.deepEqual(
      tokens(['一、会前准备情况', '## 二、会议召开情况', '（一）学习情况', '1.集中学习', '（2）个人自学', '统计1.5亿元，其中一、二两项'], 'keyword.other.section-number'),
      ['一、', '二、', '（一）', '1.', '（2）'],
    );
  });

  it('marks enumeration markers but not 统一是', () => {
    assert.deepEqual(tokens(['一是深入学习。二是征求意见；思想统一是前提。最后，书记表态。'], 'keyword.control.enumeration'), ['一是', '二是', '最后']);
  });

  it('marks document numbers, book titles and speaker verbs', () => {
    const line = '根据《关于召开专题组织生活会的通知》（湖管学组〔2021〕3号）要求。XX同志指出，要学习。';
    assert.deepEqual(tokens([line], 'constant.numeric.document-number'), ['〔2021〕3号']);
    assert.deepEqual(tokens([line], 'string.quoted.book-title'), ['《关于召开专题组织生活会的通知》']);
    assert.deepEqual(tokens([line], 'entity.name.function.speaker-verb'), ['指出']);
  });

  it('leaves code alone', () => {
    assert.deepEqual(tokens(['```', 'XX 一是 〔2021〕3号', '```', '`XX`'], 'invalid.illegal.placeholder'), []);
  });
});
