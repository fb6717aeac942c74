/**
 * The status line over the drawing: loading, errors with the server's code, or nothing. The
 * body's `data-state` (loading | ready | error) mirrors it for tests and the benchmark.
 */
import { ApiError } from './api';
import { byId } from './dom';

type Kind = 'loading' | 'error' | 'idle';

let busy = 0;

export function setStatus(kind: Kind, text = '') {
  const line = byId('status');
  line.className = kind;
  line.textContent = text;
  line.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  document.body.dataset.state = kind === 'idle' ? 'ready' : kind;
}

/** "TIMEOUT: The database took too long…": an error with its code (the server's, or CLIENT_ERROR). */
export function errorText(error: unknown) {
  const code = error instanceof ApiError ? error.code : 'CLIENT_ERROR';
  return `${code}: ${(error as Error).message}`;
}

export function showError(error: unknown) {
  if ((error as Error).name === 'AbortError') return;
  setStatus('error', errorText(error));
}

/** Runs a piece of work with the loading state shown, and any failure shown with its code. */
export async function task<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  busy++;
  setStatus('loading', `${label}…`);
  try {
    const result = await work();
    if (--busy === 0 && byId('status').className === 'loading') setStatus('idle');
    return result;
  } catch (error) {
    busy--;
    showError(error);
    return undefined;
  }
}
