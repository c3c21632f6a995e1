// ESLint rule: a client module — any module under components/, or one anywhere that starts with 'use client' — may
// not import a module that starts with `import 'server-only'` (not even for a type): what a component needs from
// the server comes as props or from a 'use server' action.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const extensions = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];
const serverOnly = /^import\s+['"]server-only['"];?\s*$/m;
const useClient = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*['"]use client['"]/;
const componentsDir = path.join(root, 'components') + path.sep;
const known = new Map();

function isServerOnly(file) {
  if (!known.has(file)) known.set(file, serverOnly.test(fs.readFileSync(file, 'utf8')));
  return known.get(file);
}

function resolve(specifier, fromFile) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const ext of extensions) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export const noServerOnlyImport = {
  meta: {
    type: 'problem',
    docs: { description: "Components may not import modules marked import 'server-only'" },
    messages: {
      serverOnly:
        "'{{specifier}}' is a server-only module: pass its data down as props, or call a 'use server' action from lib/actions.",
    },
    schema: [],
  },
  create(context) {
    const isClient = context.filename.startsWith(componentsDir) || useClient.test(context.sourceCode.text);
    if (!isClient) return {};
    const check = (node) => {
      const specifier = node.source && typeof node.source.value === 'string' ? node.source.value : null;
      if (!specifier) return;
      if (specifier === 'server-only')
        return context.report({ node: node.source, messageId: 'serverOnly', data: { specifier } });
      const file = resolve(specifier, context.filename);
      if (file && isServerOnly(file))
        context.report({ node: node.source, messageId: 'serverOnly', data: { specifier } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const plugin = { rules: { 'no-server-only-import': noServerOnlyImport } };
export default plugin;
