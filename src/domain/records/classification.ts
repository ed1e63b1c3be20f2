/**
 * Which class a record belongs to, by the rules a records manager sets for its source: everything under a folder
 * ("Planning/Decisions" — the longest matching folder wins, as a more specific rule should), or one exact value such
 * as a case type. Content-based classification will feed the same rules later.
 */

/**
 * A folder as a rule keeps it: separators as "/", no leading, trailing or repeated ones, no "." steps. Windows shares
 * are written with backslashes ("\\share\Planning\Decisions" → "share/Planning/Decisions").
 */
export function normaliseFolder(text: string): string {
  return text
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** Whether a folder climbs out of where it starts ("../"), which a rule never needs. */
export function climbsOut(folder: string): boolean {
  return folder.split('/').includes('..');
}

export interface ClassificationRule<C> {
  selector: string;
  classId: C;
}

/**
 * A classifier for paths relative to a source's root: the class of the longest folder rule the path lies under
 * (case-insensitive, as council shares are); an empty folder is the whole source.
 */
export function folderClassifier<C>(
  rules: readonly ClassificationRule<C>[],
): (path: string) => C | undefined {
  const sorted = rules
    .map((r) => ({ folder: normaliseFolder(r.selector).toLowerCase(), classId: r.classId }))
    .sort((a, b) => b.folder.length - a.folder.length);
  return (path) => {
    const p = normaliseFolder(path).toLowerCase();
    return sorted.find((r) => r.folder === '' || p === r.folder || p.startsWith(`${r.folder}/`))?.classId;
  };
}

/** A classifier for exact values, such as case types. */
export function exactClassifier<C>(
  rules: readonly ClassificationRule<C>[],
): (value: string) => C | undefined {
  const byValue = new Map(rules.map((r) => [r.selector, r.classId]));
  return (value) => byValue.get(value);
}
