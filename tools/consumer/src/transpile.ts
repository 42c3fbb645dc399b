/** A README's TypeScript sample as the JavaScript a Node user would run, ESM or CommonJS. */
import ts from 'typescript';

/** `code` (TypeScript, top-level await allowed) as an ES module. */
export function toEsm(code: string): string {
  return ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

/**
 * `code` as a CommonJS script: its imports become `require()` calls and the rest runs in an async
 * function (CommonJS has no top-level await), as a CommonJS user would write it.
 */
export function toCommonJs(code: string): string {
  const lines = code.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const body = lines.filter((l) => !l.startsWith('import '));
  const wrapped = `${imports.join('\n')}\n(async () => {\n${body.join('\n')}\n})().catch((err) => {\n  console.error(err);\n  process.exitCode = 1;\n});\n`;
  return ts.transpileModule(wrapped, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
}
