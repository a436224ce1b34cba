/**
 * The language server: adapts the engine to LSP. It validates on open and on change (debounced,
 * never letting an older result overwrite a newer one), serves the outline, and reads settings
 * from the client. Whatever one document contains, the server keeps serving the others.
 */
import { getLocale, setLocale, localeFrom, t } from '../../engine';
import {
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
  builtinProject,
  buildModel,
  documentWords,
  configIn,
  lint,
  loadProject,
  untrustedProject,
  projectLintOptions,
  ProseCache,
  renderDraft,
  type LintOptions,
  type LintResult,
  type Project,
  builtinFormulations,
  type Formulation,
} from '../../engine';
import { declareTypeEdit, nearestType, normalizeFormulation } from '../../engine';
import { codeActions, isFixAllData, resolveFixAll } from './code-actions';
import { capDiagnostics, type LineRange } from '../../engine';
import { EditLog } from './edit-log';
import { completions } from './completion';
import { SOURCE, toLspDiagnostic, toLspEdits } from './convert';
import { hover, type EditorFeatures } from './hover';
import { placeholderActions } from './placeholder-actions';
import { loadExporter, withImprintPageNumber } from '../../engine';
import { WriteRefused, writeFileAtomic } from '../../engine';
import { DEFAULT_SETTINGS, normalizeSettings, restrictUntrusted, settingsProblems, type Settings } from './settings';
import { documentSymbols } from './symbols';
import { Previews } from './preview';
import { WorkspaceCopies } from './workspace-copies';
import { TypingWarmUp } from './warm-up';
import { importDocxRequest, reviewCopyRequest } from './word-requests';
import type { ClientNotifications, NotificationName, Notifications, Params, RequestName, Result } from './protocol';

interface Cached {
  version: number;
  result: LintResult;
  /** What it was checked with besides the text: language, projects, workspace index (see `checkedWith` in startServer). */
  checkedWith: number;
}

/**
 * Diagnostics an editor can show usefully for one file. The lint itself is not capped: fix-all
 * needs every finding, and the cap chooses by severity and position (engine/diagnostic-cap.ts).
 */
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
  // Edits since the last lint: completion and hover answer from it without waiting for a new lint.
  const editLog = new EditLog();
  const documents = new TextDocuments(editLog.documents());
  // Lines on screen per document, when the client says (partyReport/visibleRanges): the cap shows those first.
  const visibleLines = new Map<string, LineRange[]>();
  const timers = new Map<string, NodeJS.Timeout>();
  const cache = new Map<string, Cached>();
  const settingsCache = new Map<string, Promise<Settings>>();
  // Per document: chunk parses kept between versions, so typing re-parses one chunk.
  const parseCaches = new Map<string, ProseCache>();
  let pullConfiguration = false;
  // The client fills in a code action's edit on codeAction/resolve: bulk fixes are computed only then.
  let lazyEdits = false;
  // Workspace folders and their projects (config file, report types). In an untrusted workspace
  // the client says so, and only the built-ins are used.
  let roots: string[] = [];
  let trusted = true;
  let editor: EditorFeatures = { commands: false };
  let projects = new Map<string, Project>();
  let problemFiles = new Set<string>();
  // The workspace's paragraphs, for copied-paragraph.
  const copies = new WorkspaceCopies();
  // Once a large draft is open: the incremental path compiled before the writer types (warm-up.ts).
  let lastEditAt = -Infinity;
  const warmUp = new TypingWarmUp({ sinceLastEdit: () => performance.now() - lastEditAt });
  const rebuildCopies = () => {
    if (roots.length === 0) return;
    const project = projects.get(roots[0]);
    void copies.build(roots, (project ? projectLintOptions(project).formulations : undefined) ?? builtinFormulations(), project?.types ?? builtinProject('').types).then((n) => {
      if (n > 0) connection.console.info(`copied-paragraph: indexed ${n} file(s) of the workspace and archive`);
      // What drafts are compared with changed: every result is out of date.
      checkedWith++;
      checkOpenDrafts();
    });
  };

  // Requests and notifications of server/src/protocol.ts, typed by their names.
  const onRequest = <K extends RequestName>(name: K, handler: (params: Params<K>) => Result<K> | Promise<Result<K>>) =>
    connection.onRequest(name, handler as (params: unknown) => Promise<Result<K>>);
  const notify = <K extends NotificationName>(name: K, payload: Notifications[K]) => connection.sendNotification(name, payload);

  let templatesSetting: string | undefined;
  // Messages follow the editor's display language: Chinese for zh-*, English otherwise.
  // partyReport.locale, when set, wins over the display language (many writers run VS Code in English).
  let displayLanguage = 'zh-CN';
  let chosenLocale: string | undefined;
  // Counts changes of what a check depends on besides the text (the language, the projects, the
  // workspace index): a result checked before the latest change is out of date, and one checked
  // since need not be checked again.
  let checkedWith = 0;
  /** Sets the message language (a change makes every cached message stale: recheckAll). */
  const applyLocale = (chosen: string | undefined): void => {
    chosenLocale = chosen;
    const before = getLocale();
    setLocale(localeFrom(chosen && chosen !== 'auto' ? chosen : displayLanguage));
    if (getLocale() !== before) checkedWith++;
  };
  const loadProjects = () => {
    checkedWith++;
    projects = new Map(roots.map((root) => [root, trusted ? loadProject(configIn(root), root, templatesSetting) : untrustedProject(root, templatesSetting)]));
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
    lazyEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.map((f) => fsPath(f.uri)).filter((p): p is string => Boolean(p));
    // Trust is opt-in: a client that says nothing (Neovim, Helix, Emacs…) gets Restricted Mode
    // until it sends initializationOptions.trusted = true (docs/security.md).
    trusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted === true;
    // Our VS Code client says it runs the partyReport.* commands; other editors get no command links
    // and no VS Code keys in hovers, and no action that would run a command they lack.
    editor = { commands: (params.initializationOptions as { editorCommands?: boolean } | undefined)?.editorCommands === true };
    displayLanguage = params.locale ?? 'zh-CN';
    applyLocale((params.initializationOptions as { locale?: string } | undefined)?.locale);
    loadProjects();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], resolveProvider: true },
        completionProvider: { triggerCharacters: ['、', '，', '：', '#'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'party-report-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void readTemplatesSetting()
      .then(async () => {
        // A client that sent no locale at start (or an older one): ask for the setting.
        if (pullConfiguration) applyLocale(await readLocaleSetting(undefined));
      })
      .then(() => {
        // Drafts opened meanwhile were checked already: validate passes over those checked with the
        // language and projects as they are now (a draft opened at start was checked twice).
        checkOpenDrafts();
        rebuildCopies();
      });
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'partyReport' }).catch(() => undefined);
    }
  });

  /** Each problem in the editor's settings is shown once, until the settings change again. */
  const settingsWarned = new Set<string>();
  const warnSettingsProblems = (raw: unknown) => {
    for (const message of settingsProblems(raw)) {
      if (settingsWarned.has(message)) continue;
      settingsWarned.add(message);
      // A notification, not window/showMessageRequest: a client need not answer it (some don't implement the request).
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  };

  const userSettingsFor = (uri: string): Promise<Settings> => {
    if (!pullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'partyReport' })
        .then((raw) => {
          if (trusted) warnSettingsProblems(raw);
          return normalizeSettings(raw);
        }, () => DEFAULT_SETTINGS)
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
    // Checked meanwhile, with the same language and projects (two runs asked for at once: the
    // open and the start-up's settings, say): nothing would change.
    const known = cache.get(uri);
    if (known && known.version === version && known.checkedWith === checkedWith) return;
    if (!settings.enable) {
      cache.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    let result: LintResult;
    const started = performance.now();
    const text = current.getText();
    const options = lintOptions(settings, projectFor(uri));
    try {
      let parseCache = parseCaches.get(uri);
      if (!parseCache) parseCaches.set(uri, (parseCache = new ProseCache({ shiftInPlace: true })));
      // One copy of a document's derived data: the previous result goes before the next is built
      // (nothing else runs meanwhile; requests arriving later wait for the new one or lint anew).
      cache.delete(uri);
      result = lint(text, { ...options, cache: parseCache, corpus: copies.corpusFor(uri), budgetMs: DOCUMENT_BUDGET_MS });
      if (result.model) copies.updateOpen(uri, result.model);
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
    cache.set(uri, { version, result, checkedWith });
    editLog.linted(uri, version);
    connection.console.debug(
      `checked ${uri} v${version}: ${result.type?.id ?? 'not a report'}, ${result.diagnostics.length} finding(s), ${(performance.now() - started).toFixed(1)} ms`,
    );
    publish(uri, version, result);
    // The document's line offsets, which TextDocuments works out on first use: that was the first
    // keystroke after opening (a pass over the whole draft in code not yet compiled), now it is here.
    void current.lineCount;
    // Asked first: the options and hooks are made only for the one check that starts it, not at every keystroke.
    if (warmUp.wants(text)) warmUp.afterCheck(text, { ...options, corpus: copies.sampleCorpus() }, {
      // As publish() below does, without sending: the result is the warm-up's sample.
      publish: (sample) => JSON.stringify({ uri, version, diagnostics: shownDiagnostics(uri, sample) }),
    });
    // For the client's status bar: is this a report, and how much is left to fill in.
    // Counted in one pass, without copying: this runs at every keystroke over every finding.
    let placeholders = 0;
    let missingSections = 0;
    let errors = 0;
    for (const d of result.diagnostics) {
      if (d.rule === 'unfilled-placeholder') placeholders++;
      else if (d.rule === 'missing-section') missingSections++;
      if (d.severity === 'error') errors++;
    }
    void notify('partyReport/status', {
      uri,
      version,
      type: result.type ? { id: result.type.id, name: result.type.name } : null,
      nearest: nearestOf(result),
      placeholders,
      missingSections,
      errors,
    });
  };

  /** The type an unrecognised draft came closest to, for the status bar's offer to declare it. */
  const nearestOf = (result: LintResult) => {
    const near = nearestType(result.detection);
    return near ? { id: near.id, name: near.name } : null;
  };

  /** The diagnostics published for a result: up to the cap, the visible lines first. */
  const shownDiagnostics = (uri: string, result: LintResult) => capDiagnostics(result.diagnostics, MAX_FINDINGS, visibleLines.get(uri)).map(toLspDiagnostic);
  const publish = (uri: string, version: number, result: LintResult) => {
    void connection.sendDiagnostics({ uri, version, diagnostics: shownDiagnostics(uri, result) });
  };

  // The client tells which lines are on screen; over the cap, those findings are published first.
  connection.onNotification('partyReport/visibleRanges' satisfies keyof ClientNotifications, (p: ClientNotifications['partyReport/visibleRanges']) => {
    if (!p || typeof p.uri !== 'string' || !Array.isArray(p.ranges)) return;
    visibleLines.set(p.uri, p.ranges.filter((r) => Number.isInteger(r?.start) && Number.isInteger(r?.end)));
    const hit = cache.get(p.uri);
    if (hit && hit.result.diagnostics.length > MAX_FINDINGS && documents.get(p.uri)?.version === hit.version) publish(p.uri, hit.version, hit.result);
  });

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

  // TextDocuments reports an opened document as changed too: validate checks that version once.
  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent(async (e) => {
    lastEditAt = performance.now();
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
    editLog.forget(e.document.uri);
    visibleLines.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    copies.closed(e.document.uri);
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

  /** partyReport.locale as the client has it now: from the notification, else asked for. */
  const readLocaleSetting = async (pushed: unknown): Promise<string | undefined> => {
    const fromPush = (pushed as { partyReport?: { locale?: unknown } } | null | undefined)?.partyReport?.locale;
    if (typeof fromPush === 'string') return fromPush;
    if (!pullConfiguration) return chosenLocale;
    const s = await connection.workspace.getConfiguration({ section: 'partyReport' }).then(normalizeSettings, () => undefined);
    return s ? s.locale : chosenLocale;
  };

  /**
   * Every open draft to be checked again; validate passes over one whose result was checked with the
   * language, projects and index as they are now (bump `checkedWith` first when one of them changed).
   */
  const checkOpenDrafts = () => {
    for (const doc of documents.all()) schedule(doc.uri, 0);
  };

  /** Every setting applies at once: settings, language and projects are read again, drafts re-checked. */
  const recheckAll = () => {
    cache.clear();
    checkOpenDrafts();
  };

  connection.onDidChangeConfiguration(async (params) => {
    settingsCache.clear();
    settingsWarned.clear();
    applyLocale(await readLocaleSetting(params?.settings));
    await readTemplatesSetting();
    recheckAll();
  });

  // Workspace trust granted (or revoked) in the running editor: the project file and workspace
  // report types apply from now on, without restarting the server.
  connection.onNotification('partyReport/trust' satisfies keyof ClientNotifications, (p: ClientNotifications['partyReport/trust']) => {
    const now = p?.trusted !== false;
    if (now === trusted) return;
    trusted = now;
    loadProjects();
    recheckAll();
  });

  // The client watches .party-report.{yaml,json} and .party-report/templates/: edits apply at once.
  // Drafts and archived materials changed on disk only update copied-paragraph's index.
  connection.onDidChangeWatchedFiles((params) => {
    const drafts = params.changes.map((c) => copies.changedOnDisk(c.uri, c.type === FileChangeType.Deleted));
    if (drafts.length > 0 && drafts.every((d) => d !== undefined)) {
      // Saving an open draft changes nothing here; another file re-read may change what is copied.
      if (drafts.includes('reindexed')) {
        checkedWith++;
        checkOpenDrafts();
      }
      return;
    }
    loadProjects();
    checkOpenDrafts();
  });

  /** The lint result for the document's current version, computing it if the cache is stale. */
  const resultFor = (uri: string): LintResult | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const hit = cache.get(uri);
    if (hit && hit.version === doc.version) return hit.result;
    return undefined;
  };

  /**
   * Requests that need the result for exactly the text the client sees (code actions: their edits
   * must apply): if the cache lags, the pending check runs now, with the parse cache, and publishes,
   * so the work is not done twice.
   */
  const currentResult = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await settingsFor(uri);
    // Fix-all and the like lint again with these options: under the same time budget.
    const options = { ...lintOptions(settings, projectFor(uri)), budgetMs: DOCUMENT_BUDGET_MS };
    let result = resultFor(uri);
    if (!result && settings.enable) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      await validate(uri);
      result = resultFor(uri);
    }
    const now = documents.get(uri);
    if (!now) return undefined;
    result ??= lint(now.getText(), options);
    // Fix-all lints the fixed text in rounds: from the document's parsed chunks, not from scratch.
    return { doc: now, text: now.getText(), result, options: { ...options, cache: parseCaches.get(uri)?.fork() } };
  };

  /**
   * Requests that can answer from the last result even if it is a few keystrokes old (completion,
   * hover): the cursor is mapped back into that version's text through the edit log. Only when the
   * log cannot map (no result yet, a full replacement) does the request wait for a lint.
   */
  const recentResult = async (uri: string, position: { line: number; character: number }) => {
    const options = lintOptions(await settingsFor(uri), projectFor(uri));
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const offset = doc.offsetAt(position);
    const prefix = doc.getText({ start: { line: position.line, character: 0 }, end: position });
    const hit = cache.get(uri);
    if (hit) {
      const old = hit.version === doc.version ? offset : editLog.mapBack(uri, hit.version, offset);
      if (old !== undefined) return { result: hit.result, prefix, offset: old, options };
    }
    const c = await currentResult(uri);
    return c ? { result: c.result, prefix, offset: c.doc.offsetAt(position), options: c.options } : undefined;
  };

  const guarded = <T>(what: string, fallback: T, fn: () => Promise<T>): Promise<T> =>
    fn().catch((err) => {
      connection.console.error(`${what}出错：${(err as Error).stack ?? err}`);
      return fallback;
    });

  connection.onCodeAction((params) =>
    guarded('生成快速修复', [], async () => {
      const c = await currentResult(params.textDocument.uri);
      return c ? [...(editor.commands ? placeholderActions(params, c.result) : []), ...codeActions(params, { text: c.text, result: c.result, options: c.options, lazy: lazyEdits })] : [];
    }),
  );

  connection.onCodeActionResolve((action) =>
    guarded('计算修复', action, async () => {
      const data = action.data;
      if (!isFixAllData(data)) return action;
      const c = await currentResult(data.uri);
      return c ? resolveFixAll(action, data, { text: c.text, result: c.result, options: c.options }) : action;
    }),
  );

  connection.onCompletion((params) =>
    guarded('生成补全', [], async () => {
      const c = await recentResult(params.textDocument.uri, params.position);
      return c ? completions(c.result, params.position, c.prefix, c.offset, c.options.formulations) : [];
    }),
  );

  connection.onHover((params) =>
    guarded('生成悬停提示', null, async () => {
      const c = await recentResult(params.textDocument.uri, params.position);
      return c ? hover(c.result, c.offset, c.options.formulations, editor) : null;
    }),
  );

  // For the client's commands: the report types, a new draft, and the sections a draft lacks.
  const builtinSet = new Set(builtinProject('').types);
  const typesFor = (uri?: string) => (uri ? projectFor(uri) : projects.get(roots[0]))?.types ?? builtinProject('').types;
  onRequest('partyReport/types', (p) =>
    typesFor(p?.uri).map((t) => ({ id: t.id, name: t.name, description: t.description, variables: t.variables, workspace: !builtinSet.has(t) })),
  );
  onRequest('partyReport/declareType', (p) => {
    const doc = documents.get(p.uri);
    if (!doc || !typesFor(p.uri).some((x) => x.id === p.id)) return null;
    const e = declareTypeEdit(doc.getText(), p.id);
    return { range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText };
  });
  onRequest('partyReport/renderDraft', (p) => {
    const type = typesFor(p.uri).find((t) => t.id === p.id);
    if (!type) throw new Error(t('未知的报告类型：{0}', p.id));
    return renderDraft(type, { values: p.values });
  });
  // Export: the DOCX library loads on the first export, not at start-up. PDF goes through LibreOffice.
  const exportTo = (format: 'docx' | 'pdf') => async (p: Params<'partyReport/exportDocx'>): Promise<Result<'partyReport/exportDocx'>> => {
    const doc = documents.get(p.uri);
    if (!doc) return { ok: false, message: t('文稿未打开，无法导出。') };
    try {
      const settings = await settingsFor(p.uri);
      // The project file's export fonts win over user settings (and neither applies untrusted).
      const projectExport = projectFor(p.uri)?.config?.config.export ?? {};
      const file = p.uri.startsWith('file:') ? fileURLToPath(p.uri) : undefined;
      // The 版记's page is numbered when the layout puts no blank page before it (7.5).
      const options = withImprintPageNumber(doc.getText(), {
        ...(trusted ? { fonts: { ...settings.exportFonts, ...projectExport.fonts }, page: { ...settings.exportPage, ...projectExport.page } } : {}),
        baseDir: file ? path.dirname(file) : undefined,
      });
      const exporter = loadExporter();
      let bytes: Uint8Array;
      let warnings: string[];
      if (format === 'pdf') {
        // An untrusted workspace's settings never name a program to run.
        const setting = trusted ? settings.exportSoffice : undefined;
        const soffice = exporter.findSoffice(setting);
        if (!soffice) return { ok: false, message: exporter.noSofficeMessage(setting) };
        ({ pdf: bytes, warnings } = await exporter.exportPdf(doc.getText(), { ...options, soffice }));
      } else ({ docx: bytes, warnings } = await exporter.exportReport(doc.getText(), options));
      writeFileAtomic(p.target, bytes, p.force);
      return { ok: true, target: p.target, bytes: bytes.length, warnings };
    } catch (err) {
      const known = err instanceof WriteRefused || err instanceof loadExporter().PdfError;
      const message = known ? (err as Error).message : t('导出失败：{0}', (err as Error).message);
      if (!known) connection.console.error(`${message}\n${(err as Error).stack}`);
      return { ok: false, message };
    }
  };
  onRequest('partyReport/exportDocx', exportTo('docx'));
  onRequest('partyReport/exportPdf', exportTo('pdf'));

  // 从 Word 导入 and 生成审阅稿 (the Word module loads on first use).
  onRequest('partyReport/importDocx', (p) => importDocxRequest(p.path));
  onRequest('partyReport/reviewCopy', async (p) => {
    const settings = await settingsFor(p.uri);
    const projectExport = projectFor(p.uri)?.config?.config.export ?? {};
    const layout = trusted ? { fonts: { ...settings.exportFonts, ...projectExport.fonts }, page: { ...settings.exportPage, ...projectExport.page } } : {};
    const options = { ...lintOptions(settings, projectFor(p.uri)), corpus: copies.corpusFor(p.uri) };
    return reviewCopyRequest(p, documents.get(p.uri)?.getText(), options, layout);
  });
  // 版面预览 (preview.ts): the layout reads the export's settings as export does, and the checker's model of the same version.
  const previews = new Previews({
    document: (uri) => documents.get(uri),
    lastCheck: (uri) => {
      const hit = cache.get(uri);
      if (!hit) return undefined;
      const errors = hit.result.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ start: d.span.start, end: d.span.end, message: d.message }));
      return { version: hit.version, model: hit.result.model, errors };
    },
    options: async (uri) => {
      const settings = await settingsFor(uri);
      const projectExport = projectFor(uri)?.config?.config.export ?? {};
      return {
        layout: trusted ? { fonts: { ...settings.exportFonts, ...projectExport.fonts }, page: { ...settings.exportPage, ...projectExport.page } } : {},
        model: { extraPlaceholders: settings.placeholders, words: documentWords(typesFor(uri)) },
      };
    },
  });
  onRequest('partyReport/preview', (p) => previews.request(p));
  documents.onDidClose((e) => previews.closed(e.document.uri));

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
