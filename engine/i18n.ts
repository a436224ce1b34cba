/**
 * Messages in the user's language. The source strings are Chinese (most users read Chinese);
 * l10n/messages.en.json gives the English for each, used when the editor or the CLI runs in
 * English. Placeholders are {0}, {1}… as in @vscode/l10n.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { assetRoot } from './data';

export type Locale = 'zh-CN' | 'en';

/** zh, zh-CN, zh-TW… read Chinese; everything else English. */
export function localeFrom(tag: string | undefined): Locale {
  return !tag || /^zh/i.test(tag) ? 'zh-CN' : 'en';
}

/**
 * The language a command-line program runs in: LC_ALL, LC_MESSAGES, then LANG. C / POSIX
 * environments (CI, containers) say nothing about language: Chinese, the users' own.
 */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return !tag || /^(C|POSIX)(\.|$)/i.test(tag) ? 'zh-CN' : localeFrom(tag);
}

let current: Locale = 'zh-CN';

export function setLocale(locale: Locale): void {
  current = locale;
  if (locale === 'zh-CN') l10n.config({ contents: {} });
  else l10n.config({ contents: JSON.parse(fs.readFileSync(path.join(assetRoot(), 'l10n', 'messages.en.json'), 'utf8')) });
}

/** The language set last: the CLI hands it to its worker threads. */
export function getLocale(): Locale {
  return current;
}

export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}
