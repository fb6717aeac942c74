import { createHash } from 'node:crypto';

export interface GraphVersionWatch {
  /** Short and opaque; undefined while the version cannot be read. */
  tag: () => string | undefined;
  /** Reads the version now (after a mutation this server served). */
  refresh: () => Promise<void>;
  stop: () => void;
}

/**
 * Polls the graph's version (src/db/graph-version.ts) every `intervalMs`, in the background,
 * never on a request. `onChange` when it moved, `onLost` when it could no longer be read,
 * `onFound` when it can be read again after that.
 */
export function watchGraphVersion({
  read,
  intervalMs,
  onChange,
  onLost,
  onFound,
}: {
  read: () => Promise<string>;
  intervalMs: number;
  onChange: () => void;
  onLost: (error: unknown) => void;
  onFound: () => void;
}): GraphVersionWatch {
  let version: string | undefined;
  let tag: string | undefined;
  let everKnown = false;
  // Reads may overlap (a poll and a mutation's refresh): only a newer read's answer counts.
  let started = 0;
  let applied = 0;
  const refresh = async () => {
    const sequence = ++started;
    try {
      const next = await read();
      if (sequence < applied) return;
      applied = sequence;
      if (next === version) return;
      const wasKnown = version !== undefined;
      version = next;
      tag = createHash('sha256').update(next).digest('hex').slice(0, 16);
      if (wasKnown) onChange();
      else if (everKnown) onFound();
      everKnown = true;
    } catch (error) {
      if (sequence < applied) return;
      applied = sequence;
      if (version !== undefined) onLost(error);
      version = tag = undefined;
    }
  };
  let polling: Promise<void> | undefined;
  const timer = setInterval(() => void (polling ??= refresh().finally(() => (polling = undefined))), intervalMs);
  timer.unref();
  void refresh();
  return {
    tag: () => tag,
    refresh,
    stop: () => clearInterval(timer),
  };
}
