// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, type Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { Profile, register, type SignUp } from './exercise.ts';

const sets = dataSets<{ good: SignUp[]; bad: SignUp }>(
  {
    good: [{ email: 'ann@example.com', nickname: '', birthDate: null }],
    bad: { email: '', nickname: 'bob', birthDate: '1990-04-01' },
  },
  (random) => ({
    good: [
      { email: `${random.word(6)}@${random.word(5)}.org`, nickname: '', birthDate: `19${random.int(50, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}` },
      { email: `${random.word(6)}@${random.word(5)}.net`, nickname: random.word(5), birthDate: null },
    ],
    bad: { email: '', nickname: '', birthDate: null },
  }),
);

async function rows(db: Database) {
  const found = await db.query<{ email: string; nickname: string | null; birth_date: unknown }>('SELECT email, nickname, birth_date FROM people_profile ORDER BY email');
  return found.map((r) => ({ email: r.email, nickname: r.nickname, birthDateIsNull: r.birth_date === null }));
}

gradeOnDialects('models/02-null-and-blank', (t) => {
  t.setup((db) => createTables(db, [Profile]));

  for (const { label, data } of sets) {
    t.test(`saves valid sign-ups: empty nickname as '', unknown date as NULL (${label})`, async (db) => {
      for (const signUp of data.good) {
        const result = await register(signUp);
        expect('saved' in result ? 'saved' : `errors: ${JSON.stringify(result.errors)}`, `register(${JSON.stringify(signUp)})`).toBe('saved');
      }
      const expected = [...data.good]
        .sort((a, b) => (a.email < b.email ? -1 : 1))
        .map((s) => ({ email: s.email, nickname: s.nickname, birthDateIsNull: s.birthDate === null }));
      expect(await rows(db), 'rows in people_profile').toEqual(expected);
    });

    t.test(`refuses an empty email with an error on that field, and saves nothing (${label})`, async (db) => {
      const result = await register(data.bad);
      expect('errors' in result ? Object.keys(result.errors) : 'saved', `register(${JSON.stringify(data.bad)})`).toEqual(['email']);
      expect(await rows(db), 'rows in people_profile after a refused sign-up').toEqual([]);
    });
  }
});
