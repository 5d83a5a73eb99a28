// The date an article was published, as far as the corpus says it without asking the annotator: news corpora
// name their files by date (`dhi-qar-convoy-2020-07-22.txt`, `2023/03/14/basra.txt`). Used to tell an
// office-holder's term from the article's time (core/gazetteer/entryDetails.ts outsideTerm); no date, no note.

const ISO_IN_NAME = /(?:^|[^0-9])((?:19|20)\d{2})[-_/](\d{2})[-_/](\d{2})(?![0-9])/g;

/** The last real calendar date YYYY-MM-DD in the article's path (file name first, then its folders), or undefined. */
export function articleDateFromPath(articlePath: string): string | undefined {
  const parts = articlePath.split(/[\\/]/);
  // The file name decides when it holds a date; otherwise the folders (…/2023/03/14/report.txt) read as one.
  return lastDate(parts[parts.length - 1] ?? '') ?? lastDate(parts.slice(-4, -1).join('/') + '/');
}

function lastDate(text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(ISO_IN_NAME)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // 2023-02-30 is not a date: the calendar must give back the same day.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) found = `${m[1]}-${m[2]}-${m[3]}`;
  }
  return found;
}
