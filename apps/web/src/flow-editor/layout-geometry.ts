import type { TFlowNode } from '@uw/flow-engine';

export type TSize = { width: number; height: number };
export type TRect = { x: number; y: number; width: number; height: number };

/** A canvas node's size before React Flow has measured it (its CSS width, a typical height). */
export const DEFAULT_NODE_SIZE: TSize = { width: 240, height: 90 };
/** Space between layers (columns) and between nodes of one layer. */
export const GAP_X = 80;
export const GAP_Y = 40;

export type TSizes = ReadonlyMap<string, TSize>;

export function sizeOf(sizes: TSizes, id: string): TSize {
  return sizes.get(id) ?? DEFAULT_NODE_SIZE;
}

export function rectOf(node: Pick<TFlowNode, 'id' | 'position'>, sizes: TSizes): TRect {
  return { ...node.position, ...sizeOf(sizes, node.id) };
}

export function overlaps(a: TRect, b: TRect, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}
