/**
 * What the API docs need from the source: every export of a public entry point has a TSDoc
 * comment with an `@example`. Read with the TypeScript compiler, following re-exports to the
 * declaration, as typedoc does.
 */
import ts from 'typescript';

export interface MissingDoc {
  name: string;
  /** declaration file, relative to the repository */
  file: string;
  missing: 'comment' | 'example';
}

export function missingDocs(entry: string, root: string): MissingDoc[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const mod = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const out: MissingDoc[] = [];
  for (const exp of checker.getExportsOfModule(mod)) {
    const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decls = sym.declarations ?? [];
    const decl = decls[0];
    const file = decl ? decl.getSourceFile().fileName.replace(`${root}/`, '') : '?';
    // a namespace re-export (`export * as ops`) is documented by its module's opening comment
    const docNodes = decls.map((d) => (ts.isSourceFile(d) ? d.statements[0] : d)).filter(Boolean) as ts.Node[];
    const tags = docNodes.flatMap((d) => ts.getJSDocCommentsAndTags(d));
    const hasComment = tags.length > 0;
    const hasExample =
      docNodes.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === 'example')) || tags.some((t) => ts.isJSDoc(t) && (t.tags ?? []).some((x) => x.tagName.text === 'example'));
    if (!hasComment) out.push({ name: exp.name, file, missing: 'comment' });
    else if (!hasExample) out.push({ name: exp.name, file, missing: 'example' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
