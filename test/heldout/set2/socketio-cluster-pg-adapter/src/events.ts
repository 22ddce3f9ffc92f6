export const BID_PLACED = 'bid:placed';
export const BID_REJECTED = 'bid:rejected';
export const LOT_CLOSED = 'lot:closed';
export const PLACE_BID = 'bid:place';
