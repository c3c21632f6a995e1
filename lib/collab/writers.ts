import type { Actor } from '@/lib/auth/permissions';

/**
 * Per shared document, everyone who sent an update since its last save: they all wrote what that save stores (not
 * only whoever sent the last update). Taken by the save; put back when the save fails, for the next one.
 */
export class DocumentWriters {
  private readonly byDocument = new Map<string, Map<string, Actor>>();

  note(documentName: string, actor: Actor): void {
    const set = this.byDocument.get(documentName) ?? new Map<string, Actor>();
    set.set(actor.id, actor);
    this.byDocument.set(documentName, set);
  }

  take(documentName: string): Map<string, Actor> {
    const set = this.byDocument.get(documentName) ?? new Map<string, Actor>();
    this.byDocument.delete(documentName);
    return set;
  }

  restore(documentName: string, set: Map<string, Actor>): void {
    for (const actor of set.values()) this.note(documentName, actor);
  }
}
