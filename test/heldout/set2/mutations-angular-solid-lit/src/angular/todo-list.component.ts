import { Component, inject } from '@angular/core';
import { QueryClient, injectMutation, injectQuery } from '@tanstack/angular-query-experimental';
import { api, TODOS_KEY, type Todo } from '../api';

@Component({
  selector: 'app-todo-list',
  standalone: true,
  template: `@for (t of todos.data() ?? []; track t.id) { <li (click)="toggle.mutate(t.id)">{{ t.title }}</li> }`,
})
export class TodoListComponent {
  private readonly qc = inject(QueryClient);
  todos = injectQuery(() => ({ queryKey: TODOS_KEY, queryFn: () => fetch('/api/todos').then((r) => r.json() as Promise<Todo[]>) }));

  toggle = injectMutation(() => ({
    mutationFn: api.toggle,
    onMutate: async (id: number) => {
      await this.qc.cancelQueries({ queryKey: TODOS_KEY });
      this.qc.setQueryData<Todo[]>(TODOS_KEY, (old) => old?.map((t) => (t.id === id ? { ...t, done: !t.done } : t)));
    },
  }));

  create = injectMutation(() => ({
    mutationFn: api.create,
    onSuccess: () => this.qc.invalidateQueries({ queryKey: TODOS_KEY }),
  }));
}
