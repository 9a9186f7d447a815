// Reference solution: exercises/managers/02-soft-delete
import { CASCADE, CharField, DateTimeField, ForeignKey, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Notebook extends Model.define('jotter', 'Notebook', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Notebook>;
  declare notes: RelatedManager<Note>;
}

/** Hides soft-deleted rows. As the default manager it also filters related managers (notebook.notes). */
export class LiveNotes extends Manager<Note> {
  override getQueryset() {
    return super.getQueryset().filter({ deletedAt__isnull: true });
  }
}

export class Note extends Model.define('jotter', 'Note', {
  title: CharField({ maxLength: 120 }),
  notebook: ForeignKey(() => Notebook, { onDelete: CASCADE, relatedName: 'notes' }),
  deletedAt: DateTimeField({ null: true }),
}) {
  // The first manager declared is the default one.
  static override objects: LiveNotes = new LiveNotes(this);
  static allObjects = new Manager<Note>(this);
}

export async function softDelete(note: Note): Promise<void> {
  note.deletedAt = new Date();
  await Note.allObjects.filter({ pk: note.pk }).update({ deletedAt: note.deletedAt });
}

export async function restore(note: Note): Promise<void> {
  note.deletedAt = null;
  await Note.allObjects.filter({ pk: note.pk }).update({ deletedAt: null });
}
