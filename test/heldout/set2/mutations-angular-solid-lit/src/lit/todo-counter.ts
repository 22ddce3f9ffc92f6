import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MutationController } from '@tanstack/lit-query';
import { mutationOptions } from '@tanstack/query-core';
import { api } from '../api';

const createTodo = mutationOptions({ mutationKey: ['create-todo'], mutationFn: api.create });

@customElement('todo-counter')
export class TodoCounter extends LitElement {
  private readonly create = new MutationController(this, () => createTodo);

  render() {
    return html`<button @click=${() => this.create.mutate('new todo')}>add</button>`;
  }
}
