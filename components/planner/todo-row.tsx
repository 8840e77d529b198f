"use client";
import { useState, type KeyboardEvent } from "react";
import { DueDatePicker, dueWords, type DueDateContext } from "@/components/planner/due-date-picker";
import { oneOf } from "@/components/planner/one-of";
import type { TodoPatch } from "@/components/planner/use-todos";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { isOverdue } from "@/lib/planner/todo-order";
import { TODO_PRIORITIES, type TodoDto, type TodoPriority } from "@/lib/planner/types";

const PRIORITY_STYLE: Record<TodoPriority, string> = { HIGH: "text-rose-800 bg-rose-100", MEDIUM: "text-amber-900 bg-amber-100", LOW: "text-slate-700 bg-slate-100" };

// Where a row stands in the list as shown, and how it moves: only in the user's own order.
export interface RowOrder {
  index: number;
  count: number;
  // `held`: this row is being dragged; `carrying`: some row is.
  held: boolean;
  carrying: boolean;
  moveTo: (index: number) => void;
  pickUp: () => void;
  dropHere: () => void;
}

export function TodoRow({
  t,
  todo,
  dates,
  order,
  onChange,
  onRemove,
}: {
  t: Sections<"planner">;
  todo: TodoDto;
  dates: DueDateContext;
  order: RowOrder | null;
  onChange: (patch: TodoPatch) => void;
  onRemove: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const overdue = isOverdue(todo, dates.today);

  function saveTitle() {
    if (editing === null) return;
    const title = editing.trim();
    setEditing(null);
    if (title && title !== todo.title && title.length <= 200) onChange({ title });
  }

  function onEditKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") saveTitle();
    if (event.key === "Escape") setEditing(null);
  }

  return (
    <li
      draggable={order !== null}
      onDragStart={(event) => {
        order?.pickUp();
        event.dataTransfer.effectAllowed = "move";
      }}
      onDragOver={(event) => order?.carrying && event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        order?.dropHere();
      }}
      className={`flex items-start gap-2 rounded-xl border bg-white p-3 ${overdue ? "border-rose-300" : "border-slate-200"} ${order?.held ? "opacity-50" : ""}`}
    >
      {order ? (
        <span aria-hidden="true" title={format(t.planner.dragHandle, { title: todo.title })} className="mt-0.5 cursor-grab text-slate-400 select-none">
          ⋮⋮
        </span>
      ) : null}
      <input
        type="checkbox"
        checked={todo.completed}
        onChange={(event) => onChange({ completed: event.target.checked })}
        aria-label={format(t.planner.complete, { title: todo.title })}
        className="mt-0.5 size-5 shrink-0 accent-teal-700"
      />
      {/* The title takes the checkbox's line and wraps there; the controls follow it, below it on a phone. */}
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          {editing !== null ? (
            <input
              autoFocus
              value={editing}
              maxLength={200}
              aria-label={format(t.planner.editTitle, { title: todo.title })}
              onChange={(event) => setEditing(event.target.value)}
              onKeyDown={onEditKey}
              onBlur={saveTitle}
              className="w-full rounded border border-teal-700 px-2 py-1"
            />
          ) : (
            <button
              type="button"
              onClick={() => setEditing(todo.title)}
              aria-label={format(t.planner.editTitle, { title: todo.title })}
              className={`w-full text-left [overflow-wrap:anywhere] ${todo.completed ? "text-slate-500 line-through" : "text-slate-900"}`}
            >
              {todo.title}
            </button>
          )}
          {overdue ? <span className="text-xs font-semibold text-rose-800">{t.planner.overdue}</span> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <DueDatePicker
            t={t}
            context={dates}
            value={todo.dueOn}
            overdue={overdue}
            label={todo.dueOn ? format(t.planner.dueSet, { date: dueWords(t, todo.dueOn, dates), title: todo.title }) : format(t.planner.dueNone, { title: todo.title })}
            onChoose={(dueOn) => dueOn !== todo.dueOn && onChange({ dueOn })}
          />
          <select
            value={todo.priority}
            aria-label={`${t.planner.priority}: ${todo.title}`}
            onChange={(event) => onChange({ priority: oneOf(TODO_PRIORITIES, event.target.value, todo.priority) })}
            className={`rounded px-2 py-1 text-sm font-semibold ${PRIORITY_STYLE[todo.priority]}`}
          >
            {TODO_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t.planner.priorities[priority]}
              </option>
            ))}
          </select>
          {order ? (
            <span className="flex">
              <button
                type="button"
                onClick={() => order.moveTo(order.index - 1)}
                disabled={order.index === 0}
                aria-label={format(t.planner.moveUp, { title: todo.title })}
                className="px-2 py-1 disabled:opacity-30"
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => order.moveTo(order.index + 1)}
                disabled={order.index === order.count - 1}
                aria-label={format(t.planner.moveDown, { title: todo.title })}
                className="px-2 py-1 disabled:opacity-30"
              >
                ↓
              </button>
            </span>
          ) : null}
          <button type="button" onClick={onRemove} aria-label={`${t.planner.delete}: ${todo.title}`} className="rounded px-2 py-1 text-sm font-semibold text-red-700 hover:bg-red-50">
            {t.planner.delete}
          </button>
        </div>
      </div>
    </li>
  );
}
