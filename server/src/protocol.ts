/**
 * The requests and notifications the extension and the server exchange beyond LSP: their names and
 * payloads, declared once. The server registers handlers through `onRequest`/`sendStatus` typed by
 * these; the client imports them type-only and sends through a helper typed by the same names, so
 * renaming a request or changing a payload fails the type check on both sides.
 */
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { DIAGNOSTIC_SOURCE, PageUpdate } from '../../engine';

export interface TypeVariableInfo {
  name: string;
  label: string;
  placeholder: string;
}

export interface TypeInfo {
  id: string;
  name: string;
  description: string;
  variables: TypeVariableInfo[];
  /** Defined in the workspace (.party-report/templates/), not built in. */
  workspace: boolean;
}

export interface ExportResult {
  ok: boolean;
  target?: string;
  bytes?: number;
  message?: string;
  /** What the writer should know: an image not found, code printed as text, a font substituted. */
  warnings?: string[];
}

/** 从 Word 导入: the draft made from a .docx, or why there is none. */
export interface ImportResult {
  ok: boolean;
  markdown?: string;
  message?: string;
}

/** 生成审阅稿: where the commented copy was written and how many comments it holds. */
export interface ReviewResult {
  ok: boolean;
  target?: string;
  comments?: number;
  message?: string;
}

export interface MissingSection {
  title: string;
  message: string;
  edit: WorkspaceEdit;
}

/** Request name → its parameters and its result. */
export interface Requests {
  /** The report types of the document's workspace (the first folder's without a uri). */
  'partyReport/types': { params: { uri?: string } | undefined; result: TypeInfo[] };
  /** The edit that makes an open draft name report type `id` in its front matter (`template:`). */
  'partyReport/declareType': { params: { uri: string; id: string }; result: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } | null };
  /** A new draft from a type's skeleton, with the values the user gave. */
  'partyReport/renderDraft': { params: { id: string; values?: Record<string, string>; uri?: string }; result: string };
  /** Exports an open document to DOCX at `target` (atomically; `force` to replace). */
  'partyReport/exportDocx': { params: { uri: string; target: string; force: boolean }; result: ExportResult };
  /** The same, converted to PDF by LibreOffice (an error result says when it is missing). */
  'partyReport/exportPdf': { params: { uri: string; target: string; force: boolean }; result: ExportResult };
  /** The sections the draft lacks, each with the edit that inserts it. */
  'partyReport/missingSections': { params: { uri: string }; result: MissingSection[] };
  /** The Markdown draft made from the .docx at `path` (docs/word.md). */
  'partyReport/importDocx': { params: { path: string }; result: ImportResult };
  /** A copy of the document (an open draft, or a .docx file) with each finding as a Word comment, at `target`. */
  'partyReport/reviewCopy': { params: { uri: string; target: string; force: boolean }; result: ReviewResult };
  /** 版面预览: the pages that changed since the last call, see PreviewParams (null: the draft is not open). */
  'partyReport/preview': { params: PreviewParams; result: PageUpdate | null };
}

/**
 * A preview's call: lay out the draft's current text and return what changed; with `need`, only
 * send those pages (scrolled into view); `reset` after the webview was (re)loaded.
 */
export interface PreviewParams {
  uri: string;
  /** The first and last page in view. */
  visible?: [number, number];
  need?: number[];
  reset?: boolean;
}

export type RequestName = keyof Requests;
export type Params<K extends RequestName> = Requests[K]['params'];
export type Result<K extends RequestName> = Requests[K]['result'];

/** Sent after each check: is the document a report, and how much is left to do. */
export interface ReportStatus {
  uri: string;
  version: number;
  type: { id: string; name: string } | null;
  /** No type recognised, but the draft came close to this one: the editor may offer to declare it. */
  nearest?: { id: string; name: string } | null;
  placeholders: number;
  missingSections: number;
  errors: number;
}

export interface Notifications {
  'partyReport/status': ReportStatus;
}

export type NotificationName = keyof Notifications;

/** Notifications the client sends the server. */
export interface ClientNotifications {
  /** The lines on screen (0-based, inclusive): over the diagnostic cap, findings there are published first. */
  'partyReport/visibleRanges': { uri: string; ranges: Array<{ start: number; end: number }> };
  /** Workspace trust changed while VS Code runs (granted: the project file and workspace types apply now). */
  'partyReport/trust': { trusted: boolean };
}

/** The `source` of the server's diagnostics, for the client to find its own. */
export type DiagnosticSource = typeof DIAGNOSTIC_SOURCE;
