// Public API of the navigation queries: who is on the other side of a message, in words and locations.
export { FlowGraph, byLocation } from './flowGraph';
export type { Counterparts, FlowSide } from './flowGraph';
export { MESSAGE_KINDS, channelNoun, lensTitle, principleOf, sideOfKind } from './describe';
export { channelSymbols, matchesSymbolQuery } from './symbols';
export type { ChannelSymbol } from './symbols';
