import { Component, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { injectMutation, injectQuery, QueryClient } from '@tanstack/angular-query-experimental';
import { lastValueFrom } from 'rxjs';

interface Habit { id: string; name: string; archived: boolean }

@Component({
  selector: 'app-habit-list',
  standalone: true,
  template: `@for (h of habits.data(); track h.id) { <li (click)="rename.mutate({ id: h.id, name: h.name + '!' })">{{ h.name }}</li> }`,
})
export class HabitListComponent {
  private http = inject(HttpClient);
  private queryClient = inject(QueryClient);

  habits = injectQuery(() => ({ queryKey: ['habits'], queryFn: () => lastValueFrom(this.http.get<Habit[]>('/api/habits')) }));

  rename = injectMutation(() => ({
    mutationFn: (h: { id: string; name: string }) => lastValueFrom(this.http.patch(`/api/habits/${h.id}`, h)),
    onMutate: (h) => {
      this.queryClient.setQueryData<Habit[]>(['habits'], (old) => old?.map((x) => (x.id === h.id ? { ...x, name: h.name } : x)));
    },
  }));

  create = injectMutation(() => ({
    mutationFn: (name: string) => lastValueFrom(this.http.post<Habit>('/api/habits', { name })),
    onSuccess: () => this.queryClient.invalidateQueries({ queryKey: ['habits'] }),
  }));
}
