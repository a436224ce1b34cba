/**
 * party-report-lsp: the language server. The extension starts it over IPC; any other editor starts
 * it with `party-report-lsp --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

if (process.argv.includes('--help') || !process.argv.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) {
  process.stderr.write('用法：party-report-lsp --stdio\n党建报告语言服务器，经标准输入输出与编辑器通信（LSP）。\n');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

startServer(createConnection(ProposedFeatures.all));
