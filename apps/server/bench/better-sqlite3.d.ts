/** The part of better-sqlite3 the benchmark uses (no @types package is installed; remove this if one is). */
declare module 'better-sqlite3' {
  type Statement = { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  export default class Database {
    constructor(filename: string, options?: { readonly?: boolean });
    pragma(sql: string): unknown;
    prepare(sql: string): Statement;
    exec(sql: string): this;
    close(): void;
  }
}
