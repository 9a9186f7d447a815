// The registry of models (Django's `apps`): find a model by its label, resolve lazy relation
// targets, and install the attributes that relations add to the models they point at.
import { FieldError } from './errors.ts';
import type { ManyToManyFieldType } from './fields/related.ts';
import type { Options } from './options.ts';
import type { ModelClass } from './types.ts';

/** Hooks filled in by other modules, so this file imports none of them (no import cycles). */
export interface RegistryHooks {
  makeThroughModel(field: ManyToManyFieldType): ModelClass;
  installRelationAccessors(meta: Options): void;
}

class Apps {
  private readonly metas = new Map<string, Options>();
  /** Bumped on every registration: caches of reverse relations compare against it. */
  version = 0;
  private readyVersion = -1;
  hooks!: RegistryHooks;

  /**
   * A label defined again replaces the earlier model: a module evaluated twice (watch mode, a
   * grader swapping in a learner's file) redefines its models. Django warns and reloads too.
   */
  register(meta: Options): void {
    this.metas.set(meta.label.toLowerCase(), meta);
    this.version++;
  }

  /** Forget a model (tests that define throwaway models). */
  unregister(label: string): void {
    this.metas.delete(label.toLowerCase());
    this.version++;
  }

  all(): Options[] {
    return [...this.metas.values()];
  }

  /** 'blog.Author', 'Author' (same app as `from`) or 'self'. */
  getModel(label: string, from?: Options): ModelClass {
    if (label === 'self' && from) return from.model;
    const full = label.includes('.') ? label : `${from?.appLabel ?? ''}.${label}`;
    const meta = this.metas.get(full.toLowerCase());
    if (!meta) {
      const known = this.all().map((m) => m.label).join(', ') || '(none)';
      throw new FieldError(`No model '${full}' is defined. Known models: ${known}.`);
    }
    return meta.model;
  }

  /**
   * `class Author extends Model.define(...) { ... }`: the subclass, with its methods, is the
   * class users work with. The first time it is seen it becomes the model of its _meta.
   */
  claim(cls: ModelClass): void {
    const meta = cls._meta;
    if (meta.model === cls || meta.model !== meta.definedClass) return;
    if (Object.getPrototypeOf(cls) === meta.definedClass) meta.model = cls;
  }

  makeThroughModel(field: ManyToManyFieldType): ModelClass {
    return this.hooks.makeThroughModel(field);
  }

  /** Install reverse accessors (`author.posts`) for every relation whose target is defined. */
  ready(): void {
    if (this.readyVersion === this.version) return;
    this.readyVersion = this.version;
    for (const meta of this.all()) this.hooks.installRelationAccessors(meta);
  }
}

export const apps = new Apps();
