/**
 * Reads a draft from disk as the editor would: regular files only, within the size limit (checked
 * before reading), UTF-8, UTF-16 with BOM or GB18030 (see engine/io/read-file.ts), BOM dropped.
 */
import { DEFAULT_MAX_LENGTH, FileReadError, readTextFile, type TextEncodingName, type TextFile } from '../../engine';

export { FileReadError as DraftReadError };

/** UTF-8 takes at most 3 bytes per UTF-16 code unit: any draft the checks accept fits in this. */
export const MAX_DRAFT_BYTES = DEFAULT_MAX_LENGTH * 3;

export type DraftFile = TextFile;

export function readDraftFile(file: string, encoding?: TextEncodingName, maxBytes = MAX_DRAFT_BYTES): DraftFile {
  return readTextFile(file, { maxBytes, encoding });
}

export function readDraft(file: string, encoding?: TextEncodingName): string {
  return readDraftFile(file, encoding).text;
}
