import { once } from 'node:events';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, type Gzip } from 'node:zlib';

/**
 * `neo4j-admin database import full` CSV files: a header file and gzipped data files per node
 * label and relationship type. Values are always quoted (a quote doubled inside), nulls are empty
 * fields (the property is absent, as a Cypher SET of null leaves it), lists are joined with
 * ARRAY_DELIMITER. Rows with a line break in a value go to a file of their own, the only one the
 * import must read as multi-line (`--multiline-fields` v2): the rest is read in parallel.
 */

/** The unit separator: no id, name or key of the graph holds it (a value that does is refused). */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'date' | 'string[]' | 'ID' | 'START_ID' | 'END_ID';

export interface Column {
  /** The header's name (a property name; empty for :ID/:START_ID/:END_ID). */
  name: string;
  type: ColumnType;
  /** ID columns: the id space (a label). */
  space?: string;
}

const quote = (text: string) => `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;

export class BulkInputError extends Error {
  override name = 'BulkInputError';
}

function cell(value: unknown, column: Column): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'ID':
    case 'START_ID':
    case 'END_ID':
    case 'long':
    case 'double':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string[]': {
      const list = value as string[];
      if (list.length === 0) return '';
      for (const item of list) if (item.includes(ARRAY_DELIMITER)) throw new BulkInputError(`${column.name}: a value holds the array delimiter U+001F: ${JSON.stringify(item)}`);
      return quote(list.join(ARRAY_DELIMITER));
    }
    default:
      return quote(String(value));
  }
}

const headerCell = (column: Column) =>
  column.type === 'ID' || column.type === 'START_ID' || column.type === 'END_ID' ? `${column.name}:${column.type}(${column.space})` : column.type === 'string' ? column.name : `${column.name}:${column.type}`;

class GzFile {
  readonly gzip: Gzip;
  readonly done: Promise<void>;
  private pending: string[] = [];
  private pendingChars = 0;
  rows = 0;

  constructor(readonly path: string, level: number) {
    this.gzip = createGzip({ level });
    this.done = pipeline(this.gzip, createWriteStream(path));
  }

  push(line: string) {
    this.pending.push(line);
    this.pendingChars += line.length;
    this.rows++;
  }

  /** Hands what is pending to gzip when it is worth it (or `force`); resolves when gzip can take more. */
  async flush(force = false) {
    if (this.pendingChars < 256 * 1024 && !(force && this.pendingChars > 0)) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async close() {
    await this.flush(true);
    this.gzip.end();
    await this.done;
  }
}

/** One node label's or relationship type's files. */
export interface GroupFiles {
  kind: 'nodes' | 'relationships';
  /** Labels (`Author:StaleSummary`) or the relationship type. */
  name: string;
  header: string;
  data: string[];
  /** Of `data`, the files whose values may span lines. */
  multiline: string[];
  rows: number;
}

export class CsvGroup {
  private readonly plain: GzFile;
  private multi: GzFile | undefined;
  private readonly header: string;

  /** `file` names the files when two groups share a relationship type (PART_OF of topics and of organizations). */
  constructor(private readonly dir: string, readonly kind: 'nodes' | 'relationships', readonly name: string, readonly columns: Column[], private readonly level: number, private readonly file = name.replace(/:/g, '-')) {
    const base = file;
    this.header = join(dir, `${kind}-${base}.header.csv`);
    writeFileSync(this.header, `${columns.map(headerCell).join(',')}\n`);
    this.plain = new GzFile(join(dir, `${kind}-${base}.csv.gz`), level);
  }

  /** A row in the columns' order. */
  write(values: unknown[]) {
    let line = '';
    for (let i = 0; i < this.columns.length; i++) line += (i ? ',' : '') + cell(values[i], this.columns[i]!);
    if (line.includes('\n') || line.includes('\r')) {
      this.multi ??= new GzFile(join(this.dir, `${this.kind}-${this.file}.multiline.csv.gz`), this.level);
      this.multi.push(`${line}\n`);
    } else this.plain.push(`${line}\n`);
  }

  get rows() {
    return this.plain.rows + (this.multi?.rows ?? 0);
  }

  async flush() {
    await this.plain.flush();
    await this.multi?.flush();
  }

  async close(): Promise<GroupFiles> {
    await this.plain.close();
    await this.multi?.close();
    const data = [this.plain.path, ...(this.multi ? [this.multi.path] : [])];
    return { kind: this.kind, name: this.name, header: this.header, data, multiline: this.multi ? [this.multi.path] : [], rows: this.rows };
  }
}

export const GZIP_LEVEL = constants.Z_BEST_SPEED;
