/** The index database schema, as an ordered list of migrations. */

/** Bump by appending a migration; never edit a released one. */
export const migrations: readonly string[] = [
  // 1: files, symbols, references, imports, full text, history.
  `
  CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    language TEXT,
    size INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    hash TEXT,
    lines INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    is_test INTEGER NOT NULL DEFAULT 0,
    indexed_at INTEGER NOT NULL
  );

  CREATE TABLE symbols(
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    parent_id INTEGER,
    name TEXT NOT NULL,
    qualified_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    start_col INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_col INTEGER NOT NULL,
    name_line INTEGER NOT NULL,
    name_col INTEGER NOT NULL,
    signature TEXT NOT NULL,
    doc TEXT NOT NULL,
    exported INTEGER NOT NULL
  );
  CREATE INDEX symbols_file ON symbols(file_id);
  CREATE INDEX symbols_name ON symbols(name);
  CREATE INDEX symbols_lower_name ON symbols(lower(name));
  CREATE INDEX symbols_qualified ON symbols(qualified_name);

  CREATE TABLE refs(
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    line INTEGER NOT NULL,
    col INTEGER NOT NULL,
    enclosing_id INTEGER,
    receiver TEXT NOT NULL DEFAULT '',
    target_id INTEGER,
    resolution TEXT
  );
  CREATE INDEX refs_file ON refs(file_id);
  CREATE INDEX refs_name ON refs(name);
  CREATE INDEX refs_enclosing ON refs(enclosing_id) WHERE enclosing_id IS NOT NULL;
  CREATE INDEX refs_target ON refs(target_id) WHERE target_id IS NOT NULL;

  CREATE TABLE imports(
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    imported_name TEXT NOT NULL,
    local_name TEXT NOT NULL,
    line INTEGER NOT NULL,
    reexport INTEGER NOT NULL,
    resolved_file_id INTEGER
  );
  CREATE INDEX imports_file ON imports(file_id);
  CREATE INDEX imports_resolved ON imports(resolved_file_id) WHERE resolved_file_id IS NOT NULL;

  -- Full text: one row per chunk (a top-level symbol, or the file's remaining lines).
  CREATE TABLE chunks(
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    symbol_id INTEGER,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL
  );
  CREATE INDEX chunks_file ON chunks(file_id);
  CREATE VIRTUAL TABLE chunks_fts USING fts5(
    path, names, docs, body,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE symbols_fts USING fts5(
    name, qualified, doc, path,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
  );

  -- Git history.
  CREATE TABLE commits(
    id INTEGER PRIMARY KEY,
    sha TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    time INTEGER NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    is_fix INTEGER NOT NULL,
    issues TEXT NOT NULL DEFAULT '',
    files_changed INTEGER NOT NULL,
    added INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    surviving INTEGER
  );
  CREATE INDEX commits_time ON commits(time);
  CREATE TABLE file_commits(
    path TEXT NOT NULL,
    commit_id INTEGER NOT NULL,
    added INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    PRIMARY KEY(path, commit_id)
  ) WITHOUT ROWID;
  CREATE INDEX file_commits_commit ON file_commits(commit_id);
  CREATE TABLE co_changes(
    path_a TEXT NOT NULL,
    path_b TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY(path_a, path_b)
  ) WITHOUT ROWID;
  CREATE INDEX co_changes_b ON co_changes(path_b);
  `,
  // 2: no query looks references up by their enclosing symbol (a file's references go by file_id), and
  // building the index was 80 ms of the serial end of a cold index of vercel/ai.
  `
  DROP INDEX IF EXISTS refs_enclosing;
  `,
  // 3: a file's references are one run of ids, recorded on its row: deleting and reading them by file
  // is a rowid range, and the cold load no longer builds refs_file (115-130 ms of vercel/ai's serial
  // end). Every writer so far inserted a file's references together, so each file's ids form a run.
  `
  ALTER TABLE files ADD COLUMN refs_first INTEGER;
  ALTER TABLE files ADD COLUMN refs_last INTEGER;
  UPDATE files SET refs_first = runs.first, refs_last = runs.last
    FROM (SELECT file_id, min(id) AS first, max(id) AS last FROM refs GROUP BY file_id) AS runs
    WHERE runs.file_id = files.id;
  DROP INDEX IF EXISTS refs_file;
  `,
];
