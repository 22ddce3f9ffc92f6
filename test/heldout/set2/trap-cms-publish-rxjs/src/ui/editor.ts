import $ from 'jquery';
import { Article } from '../content/article';

const article = new Article('new', 'Untitled');
const sub = article.subscribe((change) => $('#preview-title').text(String(change.title ?? '')));

$('#publish').on('click', () => {
  article.publish();
  $(document).trigger('article:published', [article.id]);
});

$(document).on('article:published', (_e, id: string) => console.log('published', id));

document.getElementById('title')?.addEventListener('input', (e) => {
  article.title = (e.target as HTMLInputElement).value;
  article.changes$.next({ title: article.title });
});

window.addEventListener('beforeunload', () => sub.unsubscribe());

const channel = new BroadcastChannel('editor-sync');
channel.postMessage({ type: 'opened', id: article.id });
channel.onmessage = (ev) => console.debug('other tab', ev.data);
