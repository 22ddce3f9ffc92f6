import { Component, inject, signal } from '@angular/core';
import { injectMutation, injectQueryClient } from '@tanstack/angular-query-experimental';

@Component({ selector: 'crm-tags', standalone: true, template: `<button (click)="rename.mutate({ id: '1', label: label() })">Rename</button>` })
export class TagsComponent {
  private readonly queryClient = injectQueryClient();
  readonly label = signal('');

  readonly rename = injectMutation((client) => ({
    mutationFn: (tag: { id: string; label: string }) => fetch(`/api/tags/${tag.id}`, { method: 'PATCH', body: JSON.stringify(tag) }),
    onMutate: (tag) => {
      client.setQueryData<{ id: string; label: string }[]>(['tags'], (tags) =>
        tags?.map((t) => (t.id === tag.id ? tag : t)),
      );
    },
  }));

  readonly purge = injectMutation(() => ({
    mutationFn: () => fetch('/api/tags/unused', { method: 'DELETE' }),
    onSuccess: () => this.queryClient.invalidateQueries({ queryKey: ['tags'] }),
  }));
}
