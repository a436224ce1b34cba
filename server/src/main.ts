/**
 * party-report-lsp: the language server. The extension starts it over IPC; any other editor starts
 * it with `party-report-lsp --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { localeFromEnvironment, setLocale, t } from '../../engine';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

if (process.argv.includes('--help') || !process.argv.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) {
  setLocale(localeFromEnvironment(process.env));
  process.stderr.write(`${t('用法：party-report-lsp --stdio')}\n${t('党建报告语言服务器，经标准输入输出与编辑器通信（LSP）。')}\n`);
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

// A request the client refuses (e.g. one it does not implement) must not take every open draft's
// checks down with it: log it where the client shows the server's output, and keep serving.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`party-report-lsp: unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}\n`);
});

startServer(createConnection(ProposedFeatures.all));
