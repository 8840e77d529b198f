"use client";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type PointerEvent, type RefObject } from "react";

// How far a mouse or pen moves while pressed before the press is a drag rather than a click.
const DRAG_DISTANCE = 6;
// A finger selects only after resting this long; moving further than TOUCH_SLOP before that is a
// scroll of the page, left to the browser.
const LONG_PRESS_MS = 450;
const TOUCH_SLOP = 10;
// Presses that belong to something else: an event (moved by dragging it), its resize edge, "+n more".
const NOT_FOR_CREATING = '[draggable="true"], [data-testid="resize-handle"], [data-more]';

interface Press<Place> {
  pointerId: number;
  x: number;
  y: number;
  from: Place;
  dragging: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

// Pressing on an empty part of the calendar and dragging selects a run of days or hours to create an
// event over, in `grid`. `locate` says which place of the grid a point of the window is over (null: none);
// `onSelect` gets both ends once the pointer is let go. A press without a drag stays a click, and the
// click after a drag is swallowed, so that it does not also open the day it ended on.
export function useCreateDrag<Place>(grid: RefObject<HTMLDivElement | null>, locate: (x: number, y: number) => Place | null, onSelect: (from: Place, to: Place) => void) {
  const press = useRef<Press<Place> | null>(null);
  const swallowClick = useRef(false);
  const [selection, setSelection] = useState<{ from: Place; to: Place } | null>(null);

  const end = useCallback(() => {
    clearTimeout(press.current?.timer);
    press.current = null;
    setSelection(null);
  }, []);

  // Esc lets go of a selection without creating anything.
  const selecting = selection !== null;
  useEffect(() => {
    if (!selecting) return;
    const cancel = (key: KeyboardEvent) => {
      if (key.key === "Escape") end();
    };
    window.addEventListener("keydown", cancel);
    return () => window.removeEventListener("keydown", cancel);
  }, [selecting, end]);

  // Once a finger is selecting, its moves must not scroll the page: only a touchmove listener that is
  // not passive may say so, which React's own cannot be.
  useEffect(() => {
    const element = grid.current;
    if (!element) return;
    const holdStill = (touch: TouchEvent) => {
      if (press.current?.dragging && touch.cancelable) touch.preventDefault();
    };
    element.addEventListener("touchmove", holdStill, { passive: false });
    return () => element.removeEventListener("touchmove", holdStill);
  }, [grid]);

  function startDragging(pointerId: number) {
    const held = press.current;
    if (!held || held.pointerId !== pointerId) return;
    held.dragging = true;
    if (grid.current?.hasPointerCapture?.(pointerId) === false) grid.current.setPointerCapture(pointerId);
    setSelection({ from: held.from, to: held.from });
  }

  const handlers = {
    onPointerDown(pointer: PointerEvent<HTMLElement>) {
      if (!pointer.isPrimary || pointer.button !== 0 || !(pointer.target instanceof Element) || pointer.target.closest(NOT_FOR_CREATING)) return;
      const from = locate(pointer.clientX, pointer.clientY);
      if (from === null) return;
      const pointerId = pointer.pointerId;
      press.current = { pointerId, x: pointer.clientX, y: pointer.clientY, from, dragging: false };
      if (pointer.pointerType === "touch") press.current.timer = setTimeout(() => startDragging(pointerId), LONG_PRESS_MS);
    },
    onPointerMove(pointer: PointerEvent<HTMLElement>) {
      const held = press.current;
      if (!held || held.pointerId !== pointer.pointerId) return;
      if (!held.dragging) {
        const distance = Math.hypot(pointer.clientX - held.x, pointer.clientY - held.y);
        if (pointer.pointerType === "touch") {
          if (distance > TOUCH_SLOP) end();
          return;
        }
        if (distance < DRAG_DISTANCE) return;
        startDragging(pointer.pointerId);
      }
      const to = locate(pointer.clientX, pointer.clientY);
      if (to !== null) setSelection({ from: held.from, to });
    },
    onPointerUp(pointer: PointerEvent<HTMLElement>) {
      const held = press.current;
      if (!held || held.pointerId !== pointer.pointerId) return;
      if (held.dragging) {
        onSelect(held.from, locate(pointer.clientX, pointer.clientY) ?? selection?.to ?? held.from);
        swallowClick.current = true;
        // The click, if the browser sends one, comes in the same task as this pointerup.
        setTimeout(() => (swallowClick.current = false));
      }
      end();
    },
    onPointerCancel: end,
    onContextMenu(menu: MouseEvent<HTMLElement>) {
      // A long press is a selection here, not a request for the browser's menu.
      if (press.current) menu.preventDefault();
    },
    onClickCapture(click: MouseEvent<HTMLElement>) {
      if (!swallowClick.current) return;
      swallowClick.current = false;
      click.stopPropagation();
      click.preventDefault();
    },
  };

  return { handlers, selection };
}
