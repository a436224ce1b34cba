/** Requests to the server, typed by server/src/protocol.ts (imported for its types only). */
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Params, RequestName, Result } from '../../server/src/protocol';

export function request<K extends RequestName>(client: LanguageClient, name: K, params: Params<K>): Promise<Result<K>> {
  return client.sendRequest(name, params) as Promise<Result<K>>;
}
