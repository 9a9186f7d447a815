// Graders import the learner's file as `./exercise.ts`. This vite plugin can point that import
// somewhere else — the reference solution, the pristine starter, a known-wrong answer — so the
// same graders check all of them. WORKBOOK_SUBJECTS holds a JSON map from exercise id
// ("transactions/01-atomic-transfer") to a file relative to the project root; ids not in it get
// the learner's file.
import path from 'node:path';
import type { Plugin } from 'vite';

export const SUBJECTS_VARIABLE = 'WORKBOOK_SUBJECTS';

export function subjectPlugin(root: string): Plugin {
  const exercisesDir = path.join(root, 'exercises') + path.sep;
  return {
    name: 'workbook-subject',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './exercise.ts' || !importer || !importer.startsWith(exercisesDir)) return null;
      const subjects = readSubjects();
      const id = exerciseIdOf(root, importer);
      const target = id ? subjects[id] : undefined;
      return target ? path.resolve(root, target) : null;
    },
  };
}

/** "exercises/transactions/01-atomic/x.test.ts" → "transactions/01-atomic". */
export function exerciseIdOf(root: string, file: string): string | undefined {
  const parts = path.relative(path.join(root, 'exercises'), file).split(path.sep);
  return parts.length >= 3 ? `${parts[0]}/${parts[1]}` : undefined;
}

function readSubjects(): Record<string, string> {
  const raw = process.env[SUBJECTS_VARIABLE];
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, string>;
  } catch {
    throw new Error(`${SUBJECTS_VARIABLE} is not valid JSON: ${raw.slice(0, 80)}`);
  }
}
