// LineIndex against vscode-languageserver-textdocument (the reference every LSP server uses): the same
// positions and offsets after any sequence of edits, with \n, \r\n, lone \r, emoji and Arabic.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from './lineIndex';

const piece = fc.constantFrom('ب', 'غداد', ' ', '\n', '\r\n', '\r', '😀', 'a', 'العراق ');
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

test('positions and offsets equal the reference after random edits', () => {
  fc.assert(
    fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), text), { maxLength: 8 }), (initial, edits) => {
      let doc = TextDocument.create('file:///x', 'x', 0, initial);
      let index = LineIndex.of(initial);
      let version = 0;
      for (const [a, b, inserted] of edits) {
        const length = doc.getText().length;
        const current = doc.getText();
        // Editors never cut a CRLF in two; an edge between \r and \n moves past the \n.
        const whole = (o: number) => (current[o - 1] === '\r' && current[o] === '\n' ? o + 1 : o);
        const start = whole(a % (length + 1));
        const end = whole(start + (b % (length - start + 1)));
        const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
        doc = TextDocument.update(doc, [{ range, text: inserted }], ++version);
        index = index.applyEdit(start, end, inserted, doc.getText());
        // Compared with a document made from the whole new text: the reference's own incremental update splits
        // a "\r" and an "\n" inserted after it into two line breaks.
        doc = TextDocument.create('file:///x', 'x', version, doc.getText());
        assert.equal(index.lineCount, doc.lineCount);
        for (let o = 0; o <= doc.getText().length; o++) {
          // Between the \r and \n of one line break the reference answers the line's end; entity edges never
          // fall there (we never split a CRLF), so that one offset is not compared.
          if (doc.getText()[o - 1] === '\r' && doc.getText()[o] === '\n') continue;
          assert.deepEqual(index.positionAt(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(doc.getText())}`);
        }
        const fresh = LineIndex.of(doc.getText());
        assert.equal(fresh.lineCount, doc.lineCount);
      }
    }),
    { seed: 8, numRuns: 300 },
  );
});

test('a position outside the text is refused, not clamped', () => {
  const t = 'سطر\r\nثان';
  const index = LineIndex.of(t);
  assert.equal(index.offsetAtStrict({ line: 0, character: 3 }, t), 3);
  assert.equal(index.offsetAtStrict({ line: 0, character: 4 }, t), undefined, 'inside the line break');
  assert.equal(index.offsetAtStrict({ line: 1, character: 3 }, t), 8);
  assert.equal(index.offsetAtStrict({ line: 1, character: 4 }, t), undefined);
  assert.equal(index.offsetAtStrict({ line: 9999, character: 0 }, t), undefined);
  assert.equal(index.offsetAtStrict({ line: -1, character: 0 }, t), undefined);
  assert.equal(index.offsetAtStrict({ line: 0.5, character: 0 }, t), undefined);
});
