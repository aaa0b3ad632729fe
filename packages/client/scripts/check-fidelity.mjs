/**
 * Proves the generated declaration says what the router says: for every procedure, the input and output a
 * client infers from the generated `AppRouter` and from the source router are assignable both ways. A
 * difference fails the build with the procedures' names.
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import ts from 'typescript';

const CHECK = (routerModule, generatedModule) => `
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter as TSource } from '${routerModule}';
import type { AppRouter as TGenerated } from '${generatedModule}';

type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type TDifferent<A, B> = {
  [K in keyof A & keyof B]: { [P in keyof A[K] & keyof B[K]]: TSame<A[K][P], B[K][P]> extends true ? never : \`\${K & string}.\${P & string}\` }[keyof A[K] & keyof B[K]];
}[keyof A & keyof B];
type TOneSide<A, B> = Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>;
type TMissing<A, B> =
  | TOneSide<A, B>
  | { [K in keyof A & keyof B]: \`\${K & string}.\${TOneSide<A[K], B[K]> & string}\` }[keyof A & keyof B];

export const inputsDifferIn: never = null! as TDifferent<inferRouterInputs<TSource>, inferRouterInputs<TGenerated>>;
export const outputsDifferIn: never = null! as TDifferent<inferRouterOutputs<TSource>, inferRouterOutputs<TGenerated>>;
export const proceduresMissingIn: never = null! as TMissing<inferRouterOutputs<TSource>, inferRouterOutputs<TGenerated>> & string;
`;

/** Throws when the generated declaration (`generatedFile`, a .d.ts) and the router disagree. */
export function checkFidelity(repoRoot, generatedFile, options, oldProgram) {
  const dir = resolve(generatedFile, '..');
  const checkFile = join(dir, 'fidelity-check.ts');
  const rel = (target) => `./${relative(dir, target).split('\\').join('/')}`.replace(/^\.\/\.\.\//, '../');
  writeFileSync(checkFile, CHECK(rel(resolve(repoRoot, 'packages/api/src/router')), rel(generatedFile.replace(/\.d\.ts$/, ''))));
  const program = ts.createProgram([checkFile], { ...options, noEmit: true }, undefined, oldProgram);
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(checkFile));
  if (problems.length > 0) {
    const text = problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]).join('\n');
    throw new Error(`the generated AppRouter differs from packages/api/src/router.ts:\n${text}`);
  }
}
