// Real warehouses for the equality tests: a throwaway PostgreSQL cluster (Unix socket, temp dir)
// and an in-memory DuckDB, each loading the generator's CSV tables as text or typed columns.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** True when PostgreSQL 15's server programs are installed (scripts/test.sh installs them). */
export const hasPostgres = () => existsSync(join(PG_BIN, 'initdb'));

// Runs a command as the postgres user (the server refuses to run as root).
function asPostgres(command, args, options = {}) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
}

/** Starts a cluster in a temp dir listening on a Unix socket only; stop() removes it. */
export function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'basketlift-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  asPostgres(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'], { stdio: 'pipe' });
  asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o',
    `-k ${dir} -c listen_addresses='' -c fsync=off -c work_mem=64MB`, 'start'], { stdio: 'pipe' });
  const psql = (args, input, options = {}) =>
    asPostgres('psql', ['-h', dir, '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', ...args], { input, ...options });
  return {
    /** psql with `args` on database `db`; returns its stdout. */
    psql: (db, args, input) => psql(['-d', db, ...args], input),
    /** Creates a database. */
    createDatabase: (db) => psql(['-d', 'postgres', '-q', '-c', `CREATE DATABASE ${db}`]),
    /** Loads a CSV file as table `table`, every column text (as COPY loads an export as is). */
    loadText(db, table, path) {
      const columns = parseCsvLine(headerLine(path)).map((c) => `"${c.replace(/"/g, '""')}" text`).join(', ');
      psql(['-d', db, '-q', '-c', `CREATE TABLE ${table} (${columns})`]);
      // The rows go through psql's stdin, straight from the file (a 3M-order store's impressions,
      // 1.5 GB, are longer than a Node string): the server's user need not read the test's files.
      const file = openSync(path, 'r');
      try {
        psql(['-d', db, '-q', '-c', `\\copy ${table} FROM pstdin WITH (FORMAT csv, HEADER true)`], undefined,
          { stdio: [file, 'pipe', 'pipe'] });
      } finally {
        closeSync(file);
      }
      // Statistics, as a warehouse's tables have them (autovacuum): without them the planner
      // takes a fresh table for a few rows and joins CTEs by nested loops.
      psql(['-d', db, '-q', '-c', `ANALYZE ${table}`]);
    },
    /** Runs `sql` and returns its result as CSV (psql --csv), as a merchant would save it. */
    csv: (db, sql) => psql(['-d', db, '--csv', '-q'], sql),
    stop() {
      spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An in-memory DuckDB (npm @duckdb/node-api). */
export async function openDuckDb({ memoryLimit = '', spillDir = '' } = {}) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const run = (sql) => connection.run(sql);
  let probe = null;  // the second connection memoryBytes() asks while a query runs
  // A memory limit (e.g. '4GB') makes DuckDB spill what does not fit to spillDir.
  if (memoryLimit) await run(`SET memory_limit = '${memoryLimit}'`);
  if (spillDir) await run(`SET temp_directory = '${spillDir}'`);
  return {
    /** Loads a CSV file as `table`: every column text, or with DuckDB's own type detection. */
    async load(table, path, { typed = false } = {}) {
      await run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${path}', header = true${typed ? '' : ', all_varchar = true'})`);
    },
    /** Loads a newline-delimited JSON file (e.g. GA4's export) as `table`, types detected. */
    async loadJson(table, path) {
      await run(`CREATE TABLE ${table} AS SELECT * FROM read_json('${path}')`);
    },
    /** Runs `sql` and returns its result as CSV (DuckDB's COPY), as `duckdb -csv` writes it. */
    async csv(sql, path) {
      await run(`COPY (${sql.trim().replace(/;\s*$/, '')}) TO '${path}' (FORMAT csv, HEADER true)`);
      return readFileSync(path, 'utf8');
    },
    /** Runs `sql` and returns its rows (arrays of values). */
    async rows(sql) {
      return (await connection.runAndReadAll(sql)).getRows();
    },
    /** Writes DuckDB's profile (its operators, JSON) of each later query to `path`. */
    async profileTo(path) {
      await run(`PRAGMA enable_profiling = 'json'`);
      await run(`PRAGMA profiling_output = '${path}'`);
    },
    /** Bytes DuckDB's buffer manager holds now (duckdb_memory()), asked on a second connection. */
    async memoryBytes() {
      probe ??= await instance.connect();
      const rows = (await probe.runAndReadAll('SELECT SUM(memory_usage_bytes) FROM duckdb_memory()')).getRows();
      return Number(rows[0][0]);
    },
    close: () => connection.closeSync?.(),
  };
}

// The first line of a file (its CSV header), read without reading the whole file.
function headerLine(path) {
  const file = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const read = readSync(file, chunk, 0, chunk.length, 0);
    return chunk.toString('utf8', 0, read).split('\n', 1)[0].replace(/\r$/, '');
  } finally {
    closeSync(file);
  }
}

/** Splits one CSV line (quoted fields allowed, no line breaks inside them). */
export function parseCsvLine(line) {
  const out = [];
  let field = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; } else field += c;
  }
  out.push(field);
  return out;
}
