import EventEmitter3 from 'eventemitter3';
import { cartBus } from './bus';
import { CartEvent } from './events';

interface Line {
  sku: string;
  qty: number;
  priceCents: number;
}

export class Cart extends EventEmitter3<{ changed: [Line[]]; emptied: [] }> {
  private lines: Line[] = [];

  constructor(readonly id: string) {
    super();
  }

  add(line: Line): void {
    this.lines.push(line);
    this.emit('changed', this.lines);
    cartBus.emit(CartEvent.ItemAdded, { cartId: this.id, sku: line.sku });
  }

  checkout(): number {
    const total = this.lines.reduce((sum, l) => sum + l.qty * l.priceCents, 0);
    this.lines = [];
    this.emit('emptied');
    cartBus.emit(CartEvent.CheckedOut, { cartId: this.id, total });
    return total;
  }
}
