// Problems shown in the editor: on the article (unresolved or re-anchored annotations, unknown labels, entity
// edges inside a word) and on the sidecar (format errors, at their place in the file).
import { WORD_CHAR } from '../core/text/words';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../core/sidecar/problems';
import type { ArticleSnapshot } from '../session/articleSnapshot';

const SOURCE = 'hashiya';

export function articleDiagnostics(article: ArticleSnapshot): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set(article.corpus.labels.map((l) => l.name));
  const text = article.annotations;
  for (const entity of text.entities) {
    const range = article.toRange(entity.start, entity.end);
    if (!known.has(entity.label)) {
      out.push({ range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'unknown-label', message: `Unknown label "${entity.label}": hashiya.json defines ${[...known].join(', ')}` });
    }
    const before = entity.start > 0 ? text.slice(entity.start - 1, entity.start) : '';
    const first = text.slice(entity.start, entity.start + 1);
    const last = text.slice(entity.end - 1, entity.end);
    const after = entity.end < text.index.codePointLength ? text.slice(entity.end, entity.end + 1) : '';
    const cutsWord = (WORD_CHAR.test(before) && WORD_CHAR.test(first)) || (WORD_CHAR.test(last) && WORD_CHAR.test(after));
    // A proclitic before an entity (بالعراق) is a legitimate cut; only flag cuts after the first letters or at the end.
    if (cutsWord && !isProcliticCut(text.slice(Math.max(0, entity.start - 3), entity.start), after)) {
      out.push({ range, severity: DiagnosticSeverity.Information, source: SOURCE, code: 'inside-word', message: `"${entity.text}" (${entity.label}) starts or ends inside a word` });
    }
  }
  for (const moved of article.loadReport.moved) {
    out.push({ range: article.toRange(moved.start, moved.end), severity: DiagnosticSeverity.Information, source: SOURCE, code: 're-anchored', message: `Annotation "${moved.text}" (${moved.label}) was re-anchored: the article changed outside the editor` });
  }
  for (const lost of text.unresolved) {
    const data = { label: lost.label, text: lost.text, ...(lost.ref ? { ref: lost.ref } : {}) };
    out.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'unresolved', message: `Annotation "${lost.text}" (${lost.label}${lost.ref ? ' ' + lost.ref : ''}) could not be placed in the text; it is kept in the sidecar under "unresolved" (quick fixes: place it, remove it)`, data });
  }
  for (const conflict of article.sidecar.conflicts) {
    const [start, end] = conflict.kind === 'field' ? [0, 0] : conflict.key.split(':').map(Number);
    const range = article.toRange(Math.min(start, text.index.codePointLength), Math.min(end, text.index.codePointLength));
    out.push({ range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'sidecar-conflict', message: `Changed here and on disk: ${conflict.description} (quick fixes: keep mine, keep theirs, keep both)`, data: { key: conflict.key } });
  }
  return out;
}

function isProcliticCut(beforeText: string, after: string): boolean {
  return /(^|[^\p{L}])[وف]?[بلك]?$/u.test(beforeText) && !WORD_CHAR.test(after);
}

export function sidecarDiagnostics(sidecarText: string, problems: readonly Problem[]): Diagnostic[] {
  const doc = TextDocument.create('file:///sidecar', 'json', 0, sidecarText);
  const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };
  return problems.map((p) => ({
    range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
    severity: severity[p.severity],
    source: SOURCE,
    code: p.code,
    message: p.message,
  }));
}
