export enum CartEvent {
  ItemAdded = 'cart.item-added',
  CheckedOut = 'cart.checked-out',
}
