/**
 * What every entry of the CLI reads the same way: the usage text, --locale, --encoding, --jobs, and
 * the handling of a parseArgs error. cli/src/main.ts (every command) and cli/src/export-main.ts
 * (`export` alone, dist/cli-export.js) both use it.
 */
import { ENCODINGS, localeFrom, localeFromEnvironment, setLocale, t, type TextEncodingName } from '../../engine';

/** The usage text in the chosen language (so it is built after --locale is read). */
export const usageText = () => `${t('用法：')}
  party-report lint [--format text|json|sarif] [--template <${t('类型')}>] [--fix] [--explain] [--jobs N] [--max-diagnostics N] [--encoding ${t('编码')}] <${t('文件或目录…')}>   --jobs：${t('同时检查的文件数（默认为 CPU 核数）')}
  party-report new <${t('类型')}> [--set ${t('键=值…')}] [-o ${t('文件.md')}] [--force]   ${t('用报告类型的骨架新建文稿')}
  party-report export <${t('文稿.md')}> [-o ${t('输出.docx')}] [--force] [--font ${t('元素=字体…')}] [--pdf [--soffice ${t('路径')}]] [--encoding ${t('编码')}]   ${t('导出为符合 GB/T 9704 的 DOCX')}${t('（--pdf：经 LibreOffice 导出 PDF）')}
  party-report export <${t('目录|通配符|文稿…')}> [-o ${t('输出目录')}] [--force] [--jobs N] …   ${t('批量导出；没有 -o 时写在各文稿旁边，已有文件不覆盖（除非 --force）')}
  party-report import <${t('文件.docx')}> [-o ${t('文稿.md')}|-] [--force]   ${t('把 Word 文档导入为 Markdown 文稿')}
  party-report review <${t('文件.docx|文稿.md')}> [-o ${t('审阅稿.docx')}] [--template <${t('类型')}>] [--force]   ${t('生成带批注的审阅稿（原文件不变）')}
  party-report templates            ${t('列出报告类型')}
  party-report rules [--format text|json]   ${t('列出所有规则：id、默认级别、有无快速修复（--fix 只做其中的安全修复）、说明、依据')}
  ${t('选项 --locale zh-CN|en：提示语言（默认按环境变量 LANG）。')}
  ${t('选项 --encoding utf-8|utf-16le|utf-16be|gb18030：文稿编码（默认自动识别：BOM、UTF-8，否则 GB18030）。')}
  ${t('选项 --max-diagnostics N：每个文件最多列出的问题数（默认 2000），其余只报条数。')}
  ${t('选项 -o 也可写作 --output（--output=文件 亦可）；import 的 -o - 把文稿写到标准输出。')}
  party-report --version
  ${t('在任一命令后加 --help 显示本说明。')}

${t('退出码：0 无错误；1 有错误级问题；2 用法错误或文件无法读取。')}`;

/** --locale zh-CN|en wins; otherwise the environment's language (LC_ALL, LC_MESSAGES, LANG). */
export function chooseLocale(argv: string[], err: (s: string) => void): string[] | undefined {
  setLocale(localeFromEnvironment(process.env));
  const at = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (at < 0) return argv;
  const arg = argv[at];
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  // Only the two languages there are: a typo (--locale cn) must not switch to English unasked.
  if (value === undefined || !/^(zh|en)([-_][a-z]+)?$/i.test(value)) {
    err(t('--locale 只能是 zh-CN 或 en，收到 {0}', value === undefined ? t('（空）') : JSON.stringify(value)));
    return undefined;
  }
  setLocale(localeFrom(value));
  return [...argv.slice(0, at), ...argv.slice(at + (arg.includes('=') ? 1 : 2))];
}

/** Options that take a value: `-o -h` names a file -h, not a wish for help. */
const TAKES_VALUE = new Set(['-o', '--output', '--format', '--template', '--set', '--font', '--soffice', '--encoding', '--jobs', '--max-diagnostics']);

/**
 * `party-report lint --help`: any command asked for help shows the usage. Not after `--` (what
 * follows are file names) and not as an option's value.
 */
export function asksForHelp(args: string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return i === 0 || !TAKES_VALUE.has(args[i - 1]);
  }
  return false;
}

/** --encoding: one of ENCODINGS (null after saying what is wrong), or undefined to detect. */
export function encodingArg(value: string | undefined, err: (s: string) => void): TextEncodingName | undefined | null {
  if (value === undefined) return undefined;
  const name = value.toLowerCase().replace(/^utf8$/, 'utf-8').replace(/^gbk$/, 'gb18030') as TextEncodingName;
  if (ENCODINGS.includes(name)) return name;
  err(t('--encoding 只能是 {0} 之一（GBK 文件用 gb18030），收到 {1}', ENCODINGS.join('、'), JSON.stringify(value)));
  return null;
}

/** --jobs N: a positive whole number (null after saying what is wrong), or undefined for the default. */
export function jobsArg(value: string | undefined, err: (s: string) => void): number | undefined | null {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (Number.isInteger(jobs) && jobs >= 1) return jobs;
  err(t('--jobs 应为正整数，收到 {0}', JSON.stringify(value)));
  return null;
}

/**
 * Runs a command; a usage error from node:util's parseArgs in it (unknown option, missing value) is
 * said with the usage, exit code 2.
 */
/** node:util parseArgs's error, in the user's language: what was wrong with which argument. */
function parseProblem(code: string, message: string): string {
  // The argument is quoted in Node's message; it may hold a quote itself ("it's"), so the patterns
  // read up to the text that follows it. A message of another shape is shown as it is.
  let m: RegExpExecArray | null;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && (m = /^Unknown option '(.*?)'(?:\.|$)/s.exec(message))) {
    return t('未知的选项 {0}。若是以 - 开头的文件名，请写成 ./{0}。', m[1]);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if ((m = /^Option '(?:-\w, )?(.*?) <value>' argument missing/.exec(message))) return t('选项 {0} 缺少值。', m[1]);
    if ((m = /^Option '(.*?)' does not take an argument/.exec(message))) return t('选项 {0} 不带值（写 {0} 即可）。', m[1]);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && (m = /^Unexpected argument '(.*)'\. This command/s.exec(message))) {
    return t('多余的参数 {0}：这个命令不接受它。', m[1]);
  }
  return message;
}

export async function withUsageErrors(run: () => Promise<number>, usage: string, err: (s: string) => void): Promise<number> {
  try {
    return await run();
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw e;
    err(`${parseProblem(code, (e as Error).message)}\n${usage}`);
    return 2;
  }
}
