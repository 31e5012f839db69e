// What a run created, undone last-in-first-out at the end — after an error, a timeout or a
// signal too. Undoing never takes the run's abort signal: cleanup must finish.
export interface CleanupEntry {
  readonly object: string;
  readonly deleted: boolean;
  readonly error?: string;
}

export class CleanupRecorder {
  private readonly undo: Array<{ object: string; run: () => Promise<boolean> }> = [];

  /** Remembers how to delete `object`; `run` answers whether there was something to delete. */
  record(object: string, run: () => Promise<boolean>): void {
    this.undo.push({ object, run });
  }

  get size(): number {
    return this.undo.length;
  }

  /** Deletes everything recorded, newest first; an entry that fails does not stop the others. */
  async runAll(): Promise<CleanupEntry[]> {
    const done: CleanupEntry[] = [];
    while (this.undo.length > 0) {
      const { object, run } = this.undo.pop()!;
      try {
        done.push({ object, deleted: await run() });
      } catch (error) {
        done.push({ object, deleted: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return done;
  }
}
