// Soft delete with two managers — see README.md. Run: npx workbook grade managers/02-soft-delete
import { CASCADE, CharField, DateTimeField, ForeignKey, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Notebook extends Model.define('jotter', 'Notebook', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Notebook>;
  declare notes: RelatedManager<Note>;
}

export class LiveNotes extends Manager<Note> {
  // TODO: override getQueryset() so that soft-deleted notes (deletedAt set) are left out.
}

export class Note extends Model.define('jotter', 'Note', {
  title: CharField({ maxLength: 120 }),
  notebook: ForeignKey(() => Notebook, { onDelete: CASCADE, relatedName: 'notes' }),
  deletedAt: DateTimeField({ null: true }),
}) {
  // TODO: `objects` should hide deleted notes (and be the default manager); `allObjects` sees all.
  static override objects: Manager<Note> = new Manager<Note>(this);
  static allObjects = new Manager<Note>(this);
}

export async function softDelete(note: Note): Promise<void> {
  // TODO: keep the row; mark it deleted instead.
  await note.delete();
}

export async function restore(_note: Note): Promise<void> {
  // TODO: clear the mark.
}
