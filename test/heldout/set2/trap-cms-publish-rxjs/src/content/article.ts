import { BehaviorSubject, Subject, debounceTime } from 'rxjs';

export type ArticleState = 'draft' | 'scheduled' | 'published';

export class Article {
  readonly changes$ = new Subject<Partial<Article>>();
  readonly state$ = new BehaviorSubject<ArticleState>('draft');

  constructor(public id: string, public title: string, public body = '') {}

  // Domain "publish": flips visibility, nothing is sent anywhere.
  publish(at = new Date()): void {
    this.state$.next(at > new Date() ? 'scheduled' : 'published');
    this.changes$.next({ title: this.title });
  }

  subscribe(onChange: (a: Partial<Article>) => void) {
    return this.changes$.pipe(debounceTime(300)).subscribe(onChange);
  }
}
