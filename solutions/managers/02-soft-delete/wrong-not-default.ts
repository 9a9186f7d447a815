// Known wrong: the filtering manager is declared second, so it is not the default one: notebook.notes still shows deleted notes.
// Fails on: all
import { CASCADE, CharField, DateTimeField, ForeignKey, Manager, Model, type RelatedManager } from '../../../engine/index.ts';

export class Notebook extends Model.define('jotter', 'Notebook', {
  name: CharField({ maxLength: 80 }),
}) {
  declare static objects: Manager<Notebook>;
  declare notes: RelatedManager<Note>;
}

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
  static allObjects = new Manager<Note>(this);
  static override objects: LiveNotes = new LiveNotes(this);
}

export async function softDelete(note: Note): Promise<void> {
  await Note.allObjects.filter({ pk: note.pk }).update({ deletedAt: new Date() });
}

export async function restore(note: Note): Promise<void> {
  await Note.allObjects.filter({ pk: note.pk }).update({ deletedAt: null });
}
