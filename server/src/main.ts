/**
 * party-report-lsp: the language server. The extension starts it over IPC; any other editor starts
 * it with `party-report-lsp --stdio`.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { localeFromEnvironment, setLocale, t } from '../../engine';
import { messageEncoder } from './message-encoder';
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

/**
 * Over stdio the messages are written with the server's own encoder (message-encoder.ts: published
 * diagnostics without serialising every one of them again). Given its own writer, the library no
 * longer keeps `console` off stdout, which carries the protocol: that is done here.
 */
function stdioConnection(): Connection {
  // stdin as a stream (not a reader): the library then ends the server when stdin closes, as with --stdio.
  const input = process.stdin as unknown as MessageReader;
  const connection = createConnection(ProposedFeatures.all, input, new StreamMessageWriter(process.stdout, { contentTypeEncoder: messageEncoder }));
  const toLog = (...args: unknown[]) => connection.console.log(format(...args));
  for (const name of ['log', 'info', 'debug', 'dir', 'dirxml', 'table', 'timeLog'] as const) (console as unknown as Record<string, unknown>)[name] = toLog;
  return connection;
}

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
