export interface Todo { id: number; title: string; done: boolean }

export const api = {
  toggle: (id: number) => fetch(`/api/todos/${id}/toggle`, { method: 'POST' }).then((r) => r.json() as Promise<Todo>),
  create: (title: string) => fetch('/api/todos', { method: 'POST', body: JSON.stringify({ title }) }).then((r) => r.json() as Promise<Todo>),
  remove: (id: number) => fetch(`/api/todos/${id}`, { method: 'DELETE' }),
};
export const TODOS_KEY = ['todos'] as const;
