import { useReactFlow, useStore, type OnMoveStart } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';

import { DEFAULT_NODE_SIZE } from './layout-geometry';
import type { TRfEdge, TRfNode } from './rf-types';

export const FIT = { maxZoom: 1, padding: 0.15 } as const;

/** How long after a node is added a resize of the canvas (a panel opening beside it) still brings it into view. */
const REVEAL_MS = 2_000;

type TFramingOptions = {
  /** The view frames the whole flow whenever this changes (after a tidy). */
  fitRequest: number;
  /** A node just added: brought into view when it landed outside it. */
  revealId: string | null;
};

/**
 * Keeps the flow framed: after load, Tidy or Fit view the view follows the canvas's size (a panel
 * opening beside it) until the user pans or zooms; a node just added that lands (or, after a resize,
 * ends up) outside the view makes it frame the whole flow again.
 */
export function useFraming({ fitRequest, revealId }: TFramingOptions) {
  const { fitView, getInternalNode, getViewport } = useReactFlow<TRfNode, TRfEdge>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // The canvas opens fitted (the fitView prop).
  const following = useRef(true);
  const reveal = useRef<{ id: string; until: number } | null>(null);

  const fit = useCallback(() => {
    following.current = true;
    void fitView(FIT);
  }, [fitView]);

  const revealIfHidden = useCallback(() => {
    const pending = reveal.current;
    if (!pending || Date.now() > pending.until) return;
    const node = getInternalNode(pending.id);
    if (!node || width === 0) return;
    const { x, y, zoom } = getViewport();
    const { width: w = DEFAULT_NODE_SIZE.width, height: h = DEFAULT_NODE_SIZE.height } = node.measured;
    const left = node.internals.positionAbsolute.x * zoom + x;
    const top = node.internals.positionAbsolute.y * zoom + y;
    if (left < 0 || top < 0 || left + w * zoom > width || top + h * zoom > height) fit();
  }, [fit, getInternalNode, getViewport, width, height]);

  const firstRequest = useRef(fitRequest);
  useEffect(() => {
    if (fitRequest === firstRequest.current) return undefined;
    const frame = requestAnimationFrame(fit);

    return () => cancelAnimationFrame(frame);
  }, [fitRequest, fit]);

  useEffect(() => {
    reveal.current = revealId ? { id: revealId, until: Date.now() + REVEAL_MS } : null;
  }, [revealId]);

  // After each render that added a node or resized the canvas.
  useEffect(() => {
    const frame = requestAnimationFrame(() => (following.current ? fit() : revealIfHidden()));

    return () => cancelAnimationFrame(frame);
  }, [width, height, revealId, fit, revealIfHidden]);

  // A pan or zoom by the user (an event; programmatic moves have none) stops the following.
  const onMoveStart = useCallback<OnMoveStart>((event) => {
    if (event) following.current = false;
  }, []);

  return { fit, onMoveStart };
}
