import Database from 'better-sqlite3';

/** What went wrong with the database file itself, as opposed to a bug in a statement. */
export type StorageFaultKind = 'full' | 'read-only' | 'corrupt' | 'not-a-database' | 'busy' | 'cannot-open' | 'io';

const KINDS: ReadonlyArray<[RegExp, StorageFaultKind]> = [
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_READONLY/, 'read-only'],
  [/^SQLITE_CORRUPT/, 'corrupt'],
  [/^SQLITE_NOTADB/, 'not-a-database'],
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_CANTOPEN/, 'cannot-open'],
  [/^SQLITE_(IOERR|PERM|AUTH)/, 'io'],
];

/** What an operator should do about each: the error message is SQLite's, this is the advice. */
const ADVICE: Record<StorageFaultKind, string> = {
  full: 'the disk (or the database size limit) is full: free space, then try again; nothing was written',
  'read-only': 'the file or its folder is read-only for this user: the process needs to write the file, its -wal and -shm files and the folder',
  corrupt: 'the file is damaged: stop the bot, keep a copy, and restore the last `briefings backup` (or run `sqlite3 FILE .recover`)',
  'not-a-database': 'the file is not an SQLite database (damaged, encrypted or another kind of file); it was left as it is',
  busy: 'another process held the database longer than the busy timeout; try again',
  'cannot-open': 'the file cannot be opened: check that the path is right and its folder exists and is writable',
  io: 'the operating system refused a read or write: check the disk and the file permissions',
};

/** The kind of storage fault an error is, or undefined when it is not one (a constraint, a bug, anything else). */
export function storageFault(error: unknown): StorageFaultKind | undefined {
  // drizzle wraps driver errors in its own; the driver's is the cause.
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof Database.SqliteError) return KINDS.find(([pattern]) => pattern.test(current.code))?.[1];
  }
  return undefined;
}

/** A storage fault, named with the file, in words an operator can act on. */
export class StorageError extends Error {
  constructor(
    readonly kind: StorageFaultKind,
    readonly file: string,
    cause: unknown,
  ) {
    const said = cause instanceof Error ? cause.message : String(cause);
    super(`database ${file}: ${said} (${ADVICE[kind].replace('FILE', file)})`, { cause });
    this.name = 'StorageError';
  }
}

/** Rethrows a storage fault as a StorageError naming the file; anything else unchanged. */
export function namingFile(error: unknown, file: string): unknown {
  if (error instanceof StorageError) return error;
  const kind = storageFault(error);
  return kind ? new StorageError(kind, file, error) : error;
}
