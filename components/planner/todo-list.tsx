"use client";
import { useMemo, useState, type DragEvent, type FormEvent, type KeyboardEvent } from "react";
import { lazySchema } from "@/components/auth/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { Form } from "@/components/ui/form";
import { useDraft } from "@/components/ui/use-draft";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { oneOf } from "@/components/planner/one-of";
import { useTimeZone } from "@/components/planner/use-time-zone";
import { useUndoableDelete } from "@/components/planner/use-undoable-delete";
import { api, NetworkError } from "@/lib/client/api";
import { firstProblem } from "@/lib/client/error-message";
import { format, type Dictionary } from "@/lib/i18n/dictionaries";
import { todayIn } from "@/lib/planner/dates";
import { arrangeTodos, DEFAULT_TODO_VIEW, isOverdue, TODO_FILTERS, TODO_SORTS, type TodoFilter, type TodoSort } from "@/lib/planner/todo-order";
import { TODO_PRIORITIES, type PlannerSettings, type TodoDto, type TodoPriority } from "@/lib/planner/types";
import { fieldErrors } from "@/lib/validations/field-errors";

// Fetched on the form's first focus, as the auth forms do: zod stays out of the page's first script.
// Without it (a chunk that failed to load) the server's check alone answers.
const todoCreateSchema = lazySchema(async () => (await import("@/lib/validations/planner")).todoCreateSchema);

const PRIORITY_STYLE: Record<TodoPriority, string> = { HIGH: "text-rose-800 bg-rose-100", MEDIUM: "text-amber-900 bg-amber-100", LOW: "text-slate-700 bg-slate-100" };

// `initial` is the list as the server read it with the page (app/dashboard/todo/page.tsx).
export function TodoList({ t, settings, pageZone, initial }: { t: Dictionary; settings: PlannerSettings; pageZone: string; initial: TodoDto[] }) {
  const today = todayIn(useTimeZone(settings.timeZone, pageZone));
  const [todos, setTodos] = useState(initial);
  const [filter, setFilter] = useState<TodoFilter>(DEFAULT_TODO_VIEW.filter);
  const [sort, setSort] = useState<TodoSort>(DEFAULT_TODO_VIEW.sort);
  const { draft, edit, setDraft } = useDraft({ title: "", dueOn: "", priority: "MEDIUM" as TodoPriority });
  const [draftError, setDraftError] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const [editing, setEditing] = useState<{ id: string; title: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);

  const { pending, remove, undo } = useUndoableDelete<TodoDto>(async (todo) => {
    // keepalive: the deletion may be committed as the page unloads.
    const result = await api(`/api/todos/${todo.id}`, { method: "DELETE", keepalive: true }).catch(() => null);
    if (!result || (!result.ok && result.status !== 404)) {
      setTodos((current) => [...current, todo]);
      setMessage(t.planner.saveFailed);
    } else setTodos((current) => current.filter((existing) => existing.id !== todo.id));
  });

  const visible = useMemo(
    () =>
      arrangeTodos(
        todos.filter((todo) => todo.id !== pending?.id),
        { filter, sort },
        today,
      ),
    [todos, filter, sort, pending, today],
  );

  // Optimistic: the change shows at once and is undone, with a message, if the server refuses it.
  async function change(todo: TodoDto, patch: Partial<Pick<TodoDto, "title" | "dueOn" | "priority" | "completed" | "position">>) {
    const before = todos;
    setTodos((current) => current.map((existing) => (existing.id === todo.id ? { ...existing, ...patch } : existing)));
    setMessage(null);
    try {
      const result = await api<{ todo: TodoDto }>(`/api/todos/${todo.id}`, { method: "PATCH", json: patch });
      if (!result.ok) throw new Error(result.code);
      setTodos((current) => current.map((existing) => (existing.id === todo.id ? result.data.todo : existing)));
    } catch {
      setTodos(before);
      setMessage(t.planner.saveFailed);
    }
  }

  // The field clears at once so the next todo can be typed while this one is saved; several adds may
  // be in flight. A refused one puts its text back (unless the user typed something new) with the reason.
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { title: draft.title, dueOn: draft.dueOn || null, priority: draft.priority };
    const schema = await todoCreateSchema.load().catch(() => null);
    const checked = schema?.safeParse(body);
    if (checked && !checked.success) {
      setDraftError(fieldErrors(checked.error, t.validation).title ?? t.validation.invalidValue);
      return;
    }
    setDraftError(null);
    setDraft({ title: "", dueOn: "", priority: draft.priority });
    setAdding((count) => count + 1);
    const restore = (reason: string) => {
      setDraft((current) => (current.title ? current : { ...current, title: body.title, dueOn: body.dueOn ?? "" }));
      setDraftError(reason);
    };
    try {
      const result = await api<{ todo: TodoDto }>("/api/todos", { method: "POST", json: body });
      if (result.ok) setTodos((current) => [...current, result.data.todo]);
      else restore(firstProblem(t, result, { LIMIT_REACHED: t.planner.listFull }));
    } catch (error) {
      restore(error instanceof NetworkError ? t.common.networkError : t.common.genericError);
    } finally {
      setAdding((count) => count - 1);
    }
  }

  // Moving to `index` in the visible order: the new position sits between the new neighbours.
  function moveTo(todo: TodoDto, index: number) {
    const others = visible.filter((existing) => existing.id !== todo.id);
    const clamped = Math.max(0, Math.min(index, others.length));
    const before = others[clamped - 1];
    const after = others[clamped];
    const position = before && after ? (before.position + after.position) / 2 : before ? before.position + 1 : after ? after.position - 1 : 0;
    if (position !== todo.position) void change(todo, { position });
  }

  function saveTitle(todo: TodoDto) {
    if (!editing) return;
    const title = editing.title.trim();
    setEditing(null);
    if (title && title !== todo.title && title.length <= 200) void change(todo, { title });
  }

  function onEditKey(event: KeyboardEvent<HTMLInputElement>, todo: TodoDto) {
    if (event.key === "Enter") saveTitle(todo);
    if (event.key === "Escape") setEditing(null);
  }

  const canReorder = sort === "manual";

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.dashboard.todo}</h1>
      <Form onFocus={todoCreateSchema.warm} onSubmit={add} noValidate className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="new-todo" className="text-sm font-medium text-slate-800">
            {t.planner.newTodo}
          </label>
          <Input
            id="new-todo"
            value={draft.title}
            onChange={(event) => edit({ title: event.target.value })}
            placeholder={t.planner.newTodoPlaceholder}
            maxLength={200}
            aria-invalid={draftError ? true : undefined}
            aria-describedby={draftError ? "new-todo-error" : undefined}
            className="rounded-lg border border-slate-300 px-3 py-2 outline-none focus-visible:border-teal-700 focus-visible:ring-2 focus-visible:ring-teal-700/30"
          />
        </div>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t.planner.dueOn}
          <Input type="date" value={draft.dueOn} onChange={(event) => edit({ dueOn: event.target.value })} className="rounded-lg border border-slate-300 px-3 py-2" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t.planner.priority}
          <Select value={draft.priority} onChange={(event) => edit({ priority: oneOf(TODO_PRIORITIES, event.target.value, "MEDIUM") })} className="rounded-lg border border-slate-300 px-3 py-2">
            {TODO_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t.planner.priorities[priority]}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" aria-busy={adding > 0 || undefined}>
          {t.planner.add}
        </Button>
      </Form>
      {draftError ? (
        <p id="new-todo-error" className="text-sm text-red-700">
          {draftError}
        </p>
      ) : null}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <SegmentedControl label={t.planner.filter} options={TODO_FILTERS} value={filter} labels={t.planner.filters} onChange={setFilter} />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          {t.planner.sort}
          <Select value={sort} onChange={(event) => setSort(oneOf(TODO_SORTS, event.target.value, DEFAULT_TODO_VIEW.sort))} className="rounded-lg border border-slate-300 bg-white px-2 py-1.5">
            {TODO_SORTS.map((option) => (
              <option key={option} value={option}>
                {t.planner.sorts[option]}
              </option>
            ))}
          </Select>
        </label>
      </div>

      {message ? <Alert>{message}</Alert> : null}
      {pending ? (
        <div role="status" className="flex items-center justify-between gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white">
          <span>
            {t.planner.deleted} “{pending.title}”
          </span>
          <button type="button" onClick={undo} className="font-bold text-teal-300 underline">
            {t.planner.undo}
          </button>
        </div>
      ) : null}

      {visible.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{todos.length === 0 ? t.planner.emptyTodos : t.planner.emptyFiltered}</p>
      ) : (
        <ul aria-label={t.dashboard.todo} className="flex flex-col gap-2">
          {visible.map((todo, index) => (
            <li
              key={todo.id}
              draggable={canReorder}
              onDragStart={(event: DragEvent) => {
                setDragged(todo.id);
                event.dataTransfer.effectAllowed = "move";
              }}
              onDragOver={(event) => canReorder && dragged && event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                const moving = todos.find((existing) => existing.id === dragged);
                if (moving && moving.id !== todo.id) moveTo(moving, index);
                setDragged(null);
              }}
              className={`flex flex-wrap items-center gap-2 rounded-xl border bg-white p-3 ${isOverdue(todo, today) ? "border-rose-300" : "border-slate-200"} ${dragged === todo.id ? "opacity-50" : ""}`}
            >
              {canReorder ? (
                <span aria-hidden="true" title={format(t.planner.dragHandle, { title: todo.title })} className="cursor-grab text-slate-400 select-none">
                  ⋮⋮
                </span>
              ) : null}
              <input
                type="checkbox"
                checked={todo.completed}
                onChange={(event) => void change(todo, { completed: event.target.checked })}
                aria-label={format(t.planner.complete, { title: todo.title })}
                className="size-5 accent-teal-700"
              />
              <div className="min-w-0 flex-1 basis-[calc(100%-4rem)] sm:basis-0">
                {editing?.id === todo.id ? (
                  <input
                    autoFocus
                    value={editing.title}
                    maxLength={200}
                    aria-label={format(t.planner.editTitle, { title: todo.title })}
                    onChange={(event) => setEditing({ id: todo.id, title: event.target.value })}
                    onKeyDown={(event) => onEditKey(event, todo)}
                    onBlur={() => saveTitle(todo)}
                    className="w-full rounded border border-teal-700 px-2 py-1"
                  />
                ) : (
                  <button
                    type="button"
                    onClick={() => setEditing({ id: todo.id, title: todo.title })}
                    aria-label={format(t.planner.editTitle, { title: todo.title })}
                    className={`w-full truncate text-left ${todo.completed ? "text-slate-500 line-through" : "text-slate-900"}`}
                  >
                    {todo.title}
                  </button>
                )}
                {isOverdue(todo, today) ? <span className="text-xs font-semibold text-rose-800">{t.planner.overdue}</span> : null}
              </div>
              <input
                type="date"
                value={todo.dueOn ?? ""}
                aria-label={`${t.planner.dueOn}: ${todo.title}`}
                onChange={(event) => void change(todo, { dueOn: event.target.value || null })}
                className="rounded border border-slate-300 px-2 py-1 text-sm"
              />
              <select
                value={todo.priority}
                aria-label={`${t.planner.priority}: ${todo.title}`}
                onChange={(event) => void change(todo, { priority: oneOf(TODO_PRIORITIES, event.target.value, todo.priority) })}
                className={`rounded px-2 py-1 text-sm font-semibold ${PRIORITY_STYLE[todo.priority]}`}
              >
                {TODO_PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t.planner.priorities[priority]}
                  </option>
                ))}
              </select>
              {canReorder ? (
                <span className="flex">
                  <button
                    type="button"
                    onClick={() => moveTo(todo, index - 1)}
                    disabled={index === 0}
                    aria-label={format(t.planner.moveUp, { title: todo.title })}
                    className="px-2 py-1 disabled:opacity-30"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => moveTo(todo, index + 1)}
                    disabled={index === visible.length - 1}
                    aria-label={format(t.planner.moveDown, { title: todo.title })}
                    className="px-2 py-1 disabled:opacity-30"
                  >
                    ↓
                  </button>
                </span>
              ) : null}
              <button type="button" onClick={() => remove(todo)} aria-label={`${t.planner.delete}: ${todo.title}`} className="rounded px-2 py-1 text-sm font-semibold text-red-700 hover:bg-red-50">
                {t.planner.delete}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
