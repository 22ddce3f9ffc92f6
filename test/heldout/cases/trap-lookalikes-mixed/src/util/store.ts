import { BehaviorSubject, Subject, filter, map } from 'rxjs';

export interface Draft {
  id: string;
  body: string;
}

export class DraftStore {
  private readonly drafts$ = new BehaviorSubject<Draft[]>([]);
  readonly events$ = new Subject<{ type: 'saved' | 'discarded'; id: string }>();

  save(draft: Draft): void {
    this.drafts$.next([...this.drafts$.value.filter((d) => d.id !== draft.id), draft]);
    this.events$.next({ type: 'saved', id: draft.id });
  }

  onSaved(cb: (id: string) => void) {
    return this.events$.pipe(filter((e) => e.type === 'saved'), map((e) => e.id)).subscribe(cb);
  }
}

// A release pipeline step; "publish" means making the release public on the CDN.
export class Release {
  constructor(private readonly version: string) {}

  async publish(channel: 'stable' | 'beta'): Promise<void> {
    console.log(`uploading ${this.version} to ${channel}`);
  }

  emit(topic: string): string {
    return `${topic}@${this.version}`;
  }
}
