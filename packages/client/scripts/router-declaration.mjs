/**
 * Writes the `AppRouter` type of @uw/api as a self-contained declaration: every procedure's input and
 * output spelled out structurally, so the published package needs no server sources and names no
 * server-side type (MikroORM entities, the request context…). Only `@trpc/server` is imported.
 *
 * Inputs and outputs are printed as the server declares them (Dates stay `Date`): the client applies
 * tRPC's own JSON mapping, as it does for the source router. The context type is `object`: a client
 * never sees it.
 */
import { resolve } from 'node:path';

import ts from 'typescript';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_DEPTH = 60;

/** A TypeScript program over the router's source, with the repository's compiler options. */
function loadRouter(repoRoot) {
  const configPath = resolve(repoRoot, 'tsconfig.base.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
  const routerFile = resolve(repoRoot, 'packages/api/src/router.ts');
  const program = ts.createProgram([routerFile], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(routerFile);
  const alias = checker.getExportsOfModule(checker.getSymbolAtLocation(source)).find((s) => s.name === 'AppRouter');
  if (!alias) fail('packages/api/src/router.ts exports no AppRouter type');

  return { program, checker, router: checker.getDeclaredTypeOfSymbol(alias) };
}

function fail(message) {
  throw new Error(
    `router declaration: ${typeof message === 'string' ? message : ts.flattenDiagnosticMessageText(message.messageText, '\n')}`,
  );
}

/** Prints types structurally; object types met more than once become named aliases (`T1`, `T2`…). */
function createPrinter(program, checker) {
  const uses = new Map();
  const names = new Map();
  const aliases = [];
  let counting = true;
  let named = 0;
  let path = [];

  /** Date, AsyncIterable, Uint8Array…: interfaces of the standard library are named, not spelled out. */
  const isLibInterface = (symbol) =>
    symbol?.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class) &&
    symbol.declarations?.length > 0 &&
    symbol.declarations.every((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
  const propName = (name) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
  const wrap = (type, text) => (type.flags & (ts.TypeFlags.Union | ts.TypeFlags.Intersection) || text.includes('=>') ? `(${text})` : text);

  function print(type, indent, where) {
    const f = type.flags;
    if (f & ts.TypeFlags.Any) {
      if (type.intrinsicName === 'error') fail(`unresolved type at ${where} (a type error in the API's sources?)`);

      return 'any';
    }
    if (f & ts.TypeFlags.UniqueESSymbol) fail(`a unique symbol type at ${where} cannot be named outside the server`);
    if (f & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral)) return JSON.stringify(type.value);
    if (f & ts.TypeFlags.BigIntLiteral) return `${type.value.negative ? '-' : ''}${type.value.base10Value}n`;
    if (type.intrinsicName) return type.intrinsicName;
    if (f & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) {
      return checker.typeToString(type, undefined, ts.TypeFormatFlags.InTypeAlias | ts.TypeFormatFlags.NoTruncation);
    }
    if (f & ts.TypeFlags.Union) return type.types.map((t) => wrap(t, print(t, indent, where))).join(' | ');
    if (f & ts.TypeFlags.Intersection) return type.types.map((t) => wrap(t, print(t, indent, where))).join(' & ');
    if (f & ts.TypeFlags.Object) return printObject(type, indent, where);
    fail(`a type the printer does not know at ${where}: ${checker.typeToString(type)}`);
  }

  function printObject(type, indent, where) {
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type);
      const text = `${wrap(element, print(element, indent, where))}[]`;

      return type.target.symbol?.name === 'ReadonlyArray' ? `readonly ${text}` : text;
    }
    if (checker.isTupleType(type)) {
      const flags = type.target.elementFlags;
      const items = checker.getTypeArguments(type).map((t, i) => {
        const text = print(t, indent, where);
        if (flags[i] & ts.ElementFlags.Rest) return `...${wrap(t, text)}[]`;

        return flags[i] & ts.ElementFlags.Optional ? `${wrap(t, text)}?` : text;
      });

      return `${type.target.readonly ? 'readonly ' : ''}[${items.join(', ')}]`;
    }
    const symbol = type.aliasSymbol ?? type.symbol;
    if (isLibInterface(type.symbol)) {
      const args = type.objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type) : [];

      return args.length ? `${type.symbol.name}<${args.map((t) => print(t, indent, where)).join(', ')}>` : type.symbol.name;
    }
    if (counting) {
      // A type met again (or inside itself) is printed once, as an alias.
      if (uses.has(type)) {
        uses.set(type, uses.get(type) + 1);

        return '';
      }
      uses.set(type, 1);
    } else if (names.has(type)) {
      return names.get(type);
    }
    if (path.length > MAX_DEPTH) fail(`types nest deeper than ${MAX_DEPTH} levels at ${where} (${symbol?.name ?? 'anonymous'})`);
    const shared = !counting && uses.get(type) > 1;
    if (shared) names.set(type, `T${++named}`);
    path.push(type);
    const text = printMembers(type, shared ? '' : indent, where);
    path.pop();
    if (!shared) return text;
    if (text.length < 40 && !text.includes(names.get(type))) {
      // Short and not recursive: inline it after all.
      names.delete(type);

      return text.replace(/\n/g, `\n${indent}`);
    }
    aliases.push(`type ${names.get(type)} = ${text};`);

    return names.get(type);
  }

  function printMembers(type, indent, where) {
    const inner = `${indent}  `;
    const members = [];
    for (const signature of checker.getSignaturesOfType(type, ts.SignatureKind.Call)) {
      const params = signature.parameters.map((p) => `${propName(p.name)}: ${print(checker.getTypeOfSymbol(p), inner, where)}`);
      members.push(`(${params.join(', ')}): ${print(signature.getReturnType(), inner, where)};`);
    }
    if (checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0) fail(`a class or constructor at ${where}`);
    for (const info of checker.getIndexInfosOfType(type)) {
      members.push(`${info.isReadonly ? 'readonly ' : ''}[key: ${print(info.keyType, inner, where)}]: ${print(info.type, inner, where)};`);
    }
    for (const prop of checker.getPropertiesOfType(type)) {
      // Symbol-keyed members (ORM brands such as PrimaryKeyProp) never reach the wire.
      if (prop.escapedName.startsWith('__@') || prop.name.startsWith('#')) continue;
      const optional = prop.flags & ts.SymbolFlags.Optional ? '?' : '';
      members.push(`${propName(prop.name)}${optional}: ${print(checker.getTypeOfSymbol(prop), inner, `${where}.${prop.name}`)};`);
    }
    if (members.length === 0) return '{}';

    return `{\n${members.map((m) => `${inner}${m}`).join('\n')}\n${indent}}`;
  }

  return {
    print,
    /** The first pass only counts which object types occur more than once. */
    startPrinting() {
      counting = false;
      path = [];
    },
    aliases: () => aliases,
  };
}

const prop = (checker, type, name) => {
  const symbol = checker.getPropertyOfType(type, name);

  return symbol ? checker.getTypeOfSymbol(symbol) : null;
};
const KINDS = { query: 'TRPCQueryProcedure', mutation: 'TRPCMutationProcedure', subscription: 'TRPCSubscriptionProcedure' };

/** The procedure's own doc comment in the router, so a consumer's editor shows it too. */
function docComment(checker, symbol, indent) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  if (!text) return '';

  return `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n`;
}

/** `{ name: procedure | nested record }`, with each procedure's input and output printed. */
function printRecord(checker, printer, record, indent, where) {
  const inner = `${indent}  `;
  const lines = checker.getPropertiesOfType(record).map((p) => {
    const type = checker.getTypeOfSymbol(p);
    const def = prop(checker, type, '_def');
    const name = `${where}.${p.name}`.replace(/^\./, '');
    const doc = docComment(checker, p, inner);
    if (!def) return `${doc}${inner}${p.name}: ${printRecord(checker, printer, type, inner, name)};`;
    const kind = prop(checker, def, 'type');
    const types = prop(checker, def, '$types');
    const wrapper = KINDS[kind && checker.typeToString(kind).replace(/"/g, '')];
    if (!wrapper || !types) fail(`${name} is neither a procedure nor a router`);
    const input = printer.print(prop(checker, types, 'input'), `${inner}  `, `${name} input`);
    const output = printer.print(prop(checker, types, 'output'), `${inner}  `, `${name} output`);

    return `${doc}${inner}${p.name}: ${wrapper}<{\n${inner}  input: ${input};\n${inner}  output: ${output};\n${inner}  meta: object;\n${inner}  errorShape: TErrorShape;\n${inner}}>;`;
  });

  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The declaration text of `AppRouter` (plus the aliases it uses), and the program it was read from. */
export function routerDeclaration(repoRoot) {
  const { program, checker, router } = loadRouter(repoRoot);
  const def = prop(checker, router, '_def');
  const record = prop(checker, def, 'record');
  const errorShape = prop(checker, prop(checker, prop(checker, def, '_config'), '$types'), 'errorShape');
  const printer = createPrinter(program, checker);
  printer.print(errorShape, '', 'errorShape');
  printRecord(checker, printer, record, '', '');
  printer.startPrinting();
  const errorText = printer.print(errorShape, '', 'errorShape');
  const recordText = printRecord(checker, printer, record, '', '');

  const text = [
    '// Generated from packages/api/src/router.ts by packages/client/scripts/router-declaration.mjs: do not edit.',
    "import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure, TRPCSubscriptionProcedure } from '@trpc/server';",
    '',
    ...printer.aliases(),
    `type TErrorShape = ${errorText};`,
    `type TRecord = ${recordText};`,
    "/** The add-on's tRPC router, as a client sees it. */",
    'export type AppRouter = TRPCBuiltRouter<{ ctx: object; meta: object; errorShape: TErrorShape; transformer: false }, TRecord>;',
    '',
  ].join('\n');

  return { text, program };
}
