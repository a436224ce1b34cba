/**
 * The language server: adapts the engine to LSP. It validates on open and on change (debounced,
 * never letting an older result overwrite a newer one), serves the outline, and reads settings
 * from the client. Whatever one document contains, the server keeps serving the others.
 */
import { setLocale, localeFrom, t } from '../../engine';
import {
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  builtinProject,
  buildModel,
  documentWords,
  configIn,
  lint,
  loadProject,
  projectLintOptions,
  ProseCache,
  renderDraft,
  type LintOptions,
  type LintResult,
  type Project,
  builtinFormulations,
  type Formulation,
} from '../../engine';
import { normalizeFormulation } from '../../engine';
import { codeActions } from './code-actions';
import { completions } from './completion';
import { SOURCE, toLspDiagnostic, toLspEdits } from './convert';
import { hover } from './hover';
import { loadExporter } from '../../engine';
import { WriteRefused, writeFileAtomic } from '../../engine';
import { DEFAULT_SETTINGS, normalizeSettings, restrictUntrusted, type Settings } from './settings';
import { documentSymbols } from './symbols';
import type { NotificationName, Notifications, Params, RequestName, Result } from './protocol';

interface Cached {
  version: number;
  result: LintResult;
}

/** Diagnostics an editor can show usefully for one file. */
const MAX_FINDINGS = 2000;
/**
 * Milliseconds one document's check may take before the rest of it is skipped with a note, so that
 * one huge or hostile draft cannot keep the others waiting (the server is single-threaded).
 */
export const DOCUMENT_BUDGET_MS = 1500;

export function lintOptions(settings: Settings, project?: Project): LintOptions {
  const own: LintOptions = { rules: settings.rules, extraPlaceholders: settings.placeholders, maxLength: settings.maxLength };
  const options = project ? projectLintOptions(project, own) : own;
  // The user's own formulations come on top of the built-ins and the project's.
  const extra = settings.formulations.map((f) => normalizeFormulation(f as never)).filter((f): f is Formulation => f !== undefined);
  if (extra.length === 0) return options;
  return { ...options, formulations: [...(options.formulations ?? builtinFormulations()), ...extra] };
}

const fsPath = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  const cache = new Map<string, Cached>();
  const settingsCache = new Map<string, Promise<Settings>>();
  // Per document: chunk parses kept between versions, so typing re-parses one chunk.
  const parseCaches = new Map<string, ProseCache>();
  let pullConfiguration = false;
  // Workspace folders and their projects (config file, report types). In an untrusted workspace
  // the client says so, and only the built-ins are used.
  let roots: string[] = [];
  let trusted = true;
  let projects = new Map<string, Project>();
  let problemFiles = new Set<string>();

  // Requests and notifications of server/src/protocol.ts, typed by their names.
  const onRequest = <K extends RequestName>(name: K, handler: (params: Params<K>) => Result<K> | Promise<Result<K>>) =>
    connection.onRequest(name, handler as (params: unknown) => Promise<Result<K>>);
  const notify = <K extends NotificationName>(name: K, payload: Notifications[K]) => connection.sendNotification(name, payload);

  let templatesSetting: string | undefined;
  const loadProjects = () => {
    projects = new Map(roots.map((root) => [root, trusted ? loadProject(configIn(root), root, templatesSetting) : builtinProject(root)]));
    // Problems in config files and type definitions show in those files.
    const byFile = new Map<string, Project['problems']>();
    for (const p of projects.values()) for (const problem of p.problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    for (const old of problemFiles) if (!byFile.has(old)) void connection.sendDiagnostics({ uri: pathToFileURL(old).toString(), diagnostics: [] });
    for (const [file, problems] of byFile) {
      void connection.sendDiagnostics({
        uri: pathToFileURL(file).toString(),
        diagnostics: problems.map((p) => {
          const line = Math.max(0, (p.line ?? 1) - 1);
          const character = Math.max(0, (p.column ?? 1) - 1);
          return { range: { start: { line, character }, end: { line, character: character + 1 } }, severity: 1, source: SOURCE, code: 'config', message: p.message };
        }),
      });
      for (const p of problems) connection.console.warn(`${file}: ${p.message}`);
    }
    problemFiles = new Set(byFile.keys());
    for (const [root, p] of projects) {
      connection.console.info(`project ${root}: ${p.config ? p.config.file : 'no config file'}, ${p.types.length} report type(s)${p.templatesDir ? ` (workspace types in ${p.templatesDir})` : ''}${trusted ? '' : ', untrusted: built-ins only'}`);
    }
  };

  const projectFor = (uri: string): Project | undefined => {
    const file = fsPath(uri);
    const root = file ? roots.filter((r) => file === r || file.startsWith(r.endsWith('/') ? r : r + '/')).sort((a, b) => b.length - a.length)[0] : roots[0];
    return root ? projects.get(root) : undefined;
  };

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.map((f) => fsPath(f.uri)).filter((p): p is string => Boolean(p));
    // Trust is opt-in: a client that says nothing (Neovim, Helix, Emacs…) gets Restricted Mode
    // until it sends initializationOptions.trusted = true (docs/security.md).
    trusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted === true;
    // Messages follow the editor's display language: Chinese for zh-*, English otherwise.
    // partyReport.locale, when set, wins over the display language (many writers run VS Code in English).
    const chosen = (params.initializationOptions as { locale?: string } | undefined)?.locale;
    setLocale(localeFrom(chosen && chosen !== 'auto' ? chosen : (params.locale ?? 'zh-CN')));
    loadProjects();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        completionProvider: { triggerCharacters: ['、', '，', '：', '#'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'party-report-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void readTemplatesSetting().then(() => {
      for (const doc of documents.all()) schedule(doc.uri, 0);
    });
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'partyReport' }).catch(() => undefined);
    }
  });

  const userSettingsFor = (uri: string): Promise<Settings> => {
    if (!pullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'partyReport' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS)
        .then((settings) => (trusted ? settings : restrictUntrusted(settings)));
      settingsCache.set(uri, s);
    }
    return s;
  };
  /** User settings with the project file's enable and validate over them. */
  const settingsFor = async (uri: string): Promise<Settings> => {
    const s = await userSettingsFor(uri);
    const c = projectFor(uri)?.config?.config;
    return c ? { ...s, enable: c.enable ?? s.enable, validate: c.validate ?? s.validate } : s;
  };

  const validate = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    // A newer version arrived while the settings were read: its own run will report.
    if (!current || current.version !== version) return;
    if (!settings.enable) {
      cache.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    let result: LintResult;
    const started = performance.now();
    try {
      let parseCache = parseCaches.get(uri);
      if (!parseCache) parseCaches.set(uri, (parseCache = new ProseCache()));
      result = lint(current.getText(), { ...lintOptions(settings, projectFor(uri)), cache: parseCache, maxFindings: MAX_FINDINGS, budgetMs: DOCUMENT_BUDGET_MS });
    } catch (err) {
      connection.console.error(`校验 ${uri} 时出错：${(err as Error).stack ?? err}`);
      void connection.sendDiagnostics({
        uri,
        version,
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: 2,
            source: SOURCE,
            message: t('党建报告校验出错，已跳过本文件：{0}。其他文件不受影响；请把此文件反馈给维护者。', (err as Error).message),
          },
        ],
      });
      return;
    }
    cache.set(uri, { version, result });
    connection.console.debug(
      `checked ${uri} v${version}: ${result.type?.id ?? 'not a report'}, ${result.diagnostics.length} finding(s), ${(performance.now() - started).toFixed(1)} ms`,
    );
    void connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics.map(toLspDiagnostic) });
    // For the client's status bar: is this a report, and how much is left to fill in.
    void notify('partyReport/status', {
      uri,
      version,
      type: result.type ? { id: result.type.id, name: result.type.name } : null,
      placeholders: result.diagnostics.filter((d) => d.rule === 'unfilled-placeholder').length,
      missingSections: result.diagnostics.filter((d) => d.rule === 'missing-section').length,
      errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    });
  };

  const schedule = (uri: string, delay: number) => {
    clearTimeout(timers.get(uri));
    if (delay <= 0) {
      timers.delete(uri);
      void validate(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, delay),
    );
  };

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent(async (e) => {
    const settings = await settingsFor(e.document.uri);
    if (settings.validate === 'onSave') return;
    schedule(e.document.uri, settings.debounceMs);
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    parseCaches.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const readTemplatesSetting = async () => {
    if (!pullConfiguration || roots.length === 0) return;
    const s = await userSettingsFor(pathToFileURL(roots[0]).toString());
    if (s.templatesDir !== templatesSetting) {
      templatesSetting = s.templatesDir;
      loadProjects();
    }
  };

  connection.onDidChangeConfiguration(async () => {
    settingsCache.clear();
    await readTemplatesSetting();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  // The client watches .party-report.{yaml,json} and .party-report/templates/: edits apply at once.
  connection.onDidChangeWatchedFiles(() => {
    loadProjects();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  /** The lint result for the document's current version, computing it if the cache is stale. */
  const resultFor = (uri: string): LintResult | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const hit = cache.get(uri);
    if (hit && hit.version === doc.version) return hit.result;
    return undefined;
  };

  /** Requests need the result for exactly the text the client sees; lint now if the cache lags. */
  const currentResult = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await settingsFor(uri);
    // Fix-all and the like lint again with these options: under the same time budget.
    const options = { ...lintOptions(settings, projectFor(uri)), budgetMs: DOCUMENT_BUDGET_MS };
    const text = doc.getText();
    const result = resultFor(uri) ?? lint(text, { ...options, maxFindings: MAX_FINDINGS });
    return { doc, text, result, options };
  };

  const guarded = <T>(what: string, fallback: T, fn: () => Promise<T>): Promise<T> =>
    fn().catch((err) => {
      connection.console.error(`${what}出错：${(err as Error).stack ?? err}`);
      return fallback;
    });

  connection.onCodeAction((params) =>
    guarded('生成快速修复', [], async () => {
      const c = await currentResult(params.textDocument.uri);
      return c ? codeActions(params, c.text, c.result, c.options) : [];
    }),
  );

  connection.onCompletion((params) =>
    guarded('生成补全', [], async () => {
      const c = await currentResult(params.textDocument.uri);
      return c ? completions(c.result, c.text, params.position, c.options.formulations) : [];
    }),
  );

  connection.onHover((params) =>
    guarded('生成悬停提示', null, async () => {
      const c = await currentResult(params.textDocument.uri);
      return c ? hover(c.result, params.position, c.options.formulations) : null;
    }),
  );

  // For the client's commands: the report types, a new draft, and the sections a draft lacks.
  const builtinSet = new Set(builtinProject('').types);
  const typesFor = (uri?: string) => (uri ? projectFor(uri) : projects.get(roots[0]))?.types ?? builtinProject('').types;
  onRequest('partyReport/types', (p) =>
    typesFor(p?.uri).map((t) => ({ id: t.id, name: t.name, description: t.description, variables: t.variables, workspace: !builtinSet.has(t) })),
  );
  onRequest('partyReport/renderDraft', (p) => {
    const type = typesFor(p.uri).find((t) => t.id === p.id);
    if (!type) throw new Error(t('未知的报告类型：{0}', p.id));
    return renderDraft(type, { values: p.values });
  });
  // Export: the DOCX library loads on the first export, not at start-up.
  onRequest('partyReport/exportDocx', async (p) => {
    const doc = documents.get(p.uri);
    if (!doc) return { ok: false, message: t('文稿未打开，无法导出。') };
    try {
      const settings = await settingsFor(p.uri);
      // The project file's export fonts win over user settings (and neither applies untrusted).
      const projectExport = projectFor(p.uri)?.config?.config.export ?? {};
      const bytes = await loadExporter().exportDocx(
        doc.getText(),
        trusted
          ? { fonts: { ...settings.exportFonts, ...projectExport.fonts }, page: { ...settings.exportPage, ...projectExport.page } }
          : {},
      );
      writeFileAtomic(p.target, bytes, p.force);
      return { ok: true, target: p.target, bytes: bytes.length };
    } catch (err) {
      const message = err instanceof WriteRefused ? err.message : t('导出失败：{0}', (err as Error).message);
      if (!(err instanceof WriteRefused)) connection.console.error(`${message}\n${(err as Error).stack}`);
      return { ok: false, message };
    }
  });

  onRequest('partyReport/missingSections', (p) =>
    guarded('查找缺少的章节', [], async () => {
      const c = await currentResult(p.uri);
      if (!c?.result.model) return [];
      const index = c.result.model.lineIndex;
      return c.result.diagnostics
        .filter((d) => d.rule === 'missing-section' && d.fix)
        .map((d) => ({
          title: d.fix!.title,
          message: d.message,
          edit: { changes: { [p.uri]: toLspEdits(index, d.fix!.edits) } },
        }));
    }),
  );

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      const model = resultFor(doc.uri)?.model ?? buildModel(doc.getText(), { words: documentWords(typesFor(doc.uri)), deadline: performance.now() + DOCUMENT_BUDGET_MS });
      return documentSymbols(model);
    } catch (err) {
      connection.console.error(`生成大纲出错：${(err as Error).message}`);
      return [];
    }
  });

  // The client's watchdog asks this now and then: an answer means the server is not stuck.
  connection.onRequest('partyReport/ping', () => 'pong');

  documents.listen(connection);
  connection.listen();
}
