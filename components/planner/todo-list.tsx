"use client";
import { useMemo, useState, type FormEvent } from "react";
import { lazySchema } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { Field, SelectField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useDraft } from "@/components/ui/use-draft";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { oneOf } from "@/components/planner/one-of";
import { TodoRow } from "@/components/planner/todo-row";
import { useTimeZone } from "@/components/planner/use-time-zone";
import { useTodos } from "@/components/planner/use-todos";
import type { Sections } from "@/lib/i18n/dictionaries";
import { todayIn } from "@/lib/planner/dates";
import { arrangeTodos, DEFAULT_TODO_VIEW, positionAt, TODO_FILTERS, TODO_SORTS, type TodoFilter, type TodoSort } from "@/lib/planner/todo-order";
import { TODO_PRIORITIES, type PlannerSettings, type TodoDto, type TodoPriority } from "@/lib/planner/types";
import { fieldErrors } from "@/lib/validations/field-errors";

// Fetched on the form's first focus, as the auth forms do: zod stays out of the page's first script.
// Without it (a chunk that failed to load) the server's check alone answers.
const todoCreateSchema = lazySchema(async () => (await import("@/lib/validations/planner")).todoCreateSchema);

// `initial` is the list as the server read it with the page (app/dashboard/todo/page.tsx).
export function TodoList({
  t,
  settings,
  pageZone,
  initial,
}: {
  t: Sections<"apiErrors" | "common" | "dashboard" | "planner" | "validation">;
  settings: PlannerSettings;
  pageZone: string;
  initial: TodoDto[];
}) {
  const today = todayIn(useTimeZone(settings.timeZone, pageZone));
  const { todos, pending, message, adding, add, change, remove } = useTodos(t, initial);
  const [filter, setFilter] = useState<TodoFilter>(DEFAULT_TODO_VIEW.filter);
  const [sort, setSort] = useState<TodoSort>(DEFAULT_TODO_VIEW.sort);
  const { draft, edit, setDraft } = useDraft({ title: "", dueOn: "", priority: "MEDIUM" as TodoPriority });
  const [draftError, setDraftError] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);

  const visible = useMemo(
    () =>
      arrangeTodos(
        todos.filter((todo) => !pending.some((waiting) => waiting.id === todo.id)),
        { filter, sort },
        today,
      ),
    [todos, filter, sort, pending, today],
  );

  // The field clears at once so the next todo can be typed while this one is saved. A refused one
  // puts its text back (unless the user typed something new) with the reason.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
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
    const refused = await add(body);
    if (refused === null) return;
    setDraft((current) => (current.title ? current : { ...current, title: body.title, dueOn: body.dueOn ?? "" }));
    setDraftError(refused);
  }

  // `index` is in the list as shown.
  function moveTo(todo: TodoDto, index: number) {
    const position = positionAt(
      visible.filter((existing) => existing.id !== todo.id),
      index,
    );
    if (position !== todo.position) void change(todo, { position });
  }

  function dropOn(target: TodoDto, index: number) {
    const moving = todos.find((existing) => existing.id === dragged);
    if (moving && moving.id !== target.id) moveTo(moving, index);
    setDragged(null);
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.dashboard.todo}</h1>
      <Form onFocus={todoCreateSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 sm:flex-row sm:items-end">
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
        <Field label={t.planner.dueOn} name="new-todo-due" type="date" value={draft.dueOn} onChange={(event) => edit({ dueOn: event.target.value })} />
        <SelectField label={t.planner.priority} name="new-todo-priority" value={draft.priority} onChange={(event) => edit({ priority: oneOf(TODO_PRIORITIES, event.target.value, "MEDIUM") })}>
          {TODO_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t.planner.priorities[priority]}
            </option>
          ))}
        </SelectField>
        <Button type="submit" aria-busy={adding || undefined}>
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
      {visible.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{todos.length === 0 ? t.planner.emptyTodos : t.planner.emptyFiltered}</p>
      ) : (
        <ul aria-label={t.dashboard.todo} className="flex flex-col gap-2">
          {visible.map((todo, index) => (
            <TodoRow
              key={todo.id}
              t={t}
              todo={todo}
              today={today}
              order={
                sort === "manual"
                  ? {
                      index,
                      count: visible.length,
                      held: dragged === todo.id,
                      carrying: dragged !== null,
                      moveTo: (to) => moveTo(todo, to),
                      pickUp: () => setDragged(todo.id),
                      dropHere: () => dropOn(todo, index),
                    }
                  : null
              }
              onChange={(patch) => void change(todo, patch)}
              onRemove={() => remove(todo)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
