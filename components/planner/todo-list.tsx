"use client";
import { useState, type FormEvent } from "react";
import { lazySchema } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { Form } from "@/components/ui/form";
import { useDraft } from "@/components/ui/use-draft";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { DueDatePicker, dueWords, type DueDateContext } from "@/components/planner/due-date-picker";
import { oneOf } from "@/components/planner/one-of";
import { TodoRow } from "@/components/planner/todo-row";
import { useTimeZone } from "@/components/planner/use-time-zone";
import { useTodos } from "@/components/planner/use-todos";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import { todayIn } from "@/lib/planner/dates";
import { recogniseDate } from "@/lib/planner/natural-date";
import { arrangeTodos, DEFAULT_TODO_VIEW, positionAt, TODO_FILTERS, TODO_SORTS, type TodoFilter, type TodoSort } from "@/lib/planner/todo-order";
import { TODO_PRIORITIES, type PlannerSettings, type TodoDto, type TodoPriority } from "@/lib/planner/types";
import { fieldErrors } from "@/lib/validations/field-errors";

// Fetched on the form's first focus, as the auth forms do: zod stays out of the page's first script.
// Without it (a chunk that failed to load) the server's check alone answers.
const todoCreateSchema = lazySchema(async () => (await import("@/lib/validations/planner")).todoCreateSchema);

// `initial` is the list as the server read it with the page (app/dashboard/todo/page.tsx).
export function TodoList({
  t,
  locale,
  settings,
  pageZone,
  initial,
}: {
  t: Sections<"apiErrors" | "common" | "dashboard" | "planner" | "validation">;
  locale: Locale;
  settings: PlannerSettings;
  pageZone: string;
  initial: TodoDto[];
}) {
  const timeZone = useTimeZone(settings.timeZone, pageZone);
  const today = todayIn(timeZone);
  const dates: DueDateContext = { today, timeZone, locale };
  const { todos, pending, message, adding, add, change, remove } = useTodos(t, initial);
  const [filter, setFilter] = useState<TodoFilter>(DEFAULT_TODO_VIEW.filter);
  const [sort, setSort] = useState<TodoSort>(DEFAULT_TODO_VIEW.sort);
  const { draft, edit, setDraft } = useDraft({ title: "", dueOn: "", priority: "MEDIUM" as TodoPriority, recognise: true });
  const [draftError, setDraftError] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [showCompleted, setShowCompleted] = useState(false);

  const visible = arrangeTodos(
    todos.filter((todo) => !pending.some((waiting) => waiting.id === todo.id)),
    { filter, sort },
    today,
  );
  // In the whole list, done items wait in their own group below, folded until asked for.
  const grouped = filter === "all";
  const open = grouped ? visible.filter((todo) => !todo.completed) : visible;
  const done = grouped ? visible.filter((todo) => todo.completed) : [];

  // A date in the title's words ("내일 오후 3시 보고서") is shown as a chip and saved as the due date,
  // without its words; the chip's × keeps the words as typed. Words that would leave no title are one.
  const found = draft.recognise && draft.title.trim() ? recogniseDate(draft.title, new Date(), timeZone) : null;
  const recognised = found && found.rest ? found : null;

  // The field clears at once so the next todo can be typed while this one is saved. A refused one
  // puts its text back (unless the user typed something new) with the reason.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = draft.title;
    const body = { title: recognised?.rest ?? typed, dueOn: recognised?.date ?? (draft.dueOn || null), priority: draft.priority };
    const schema = await todoCreateSchema.load().catch(() => null);
    const checked = schema?.safeParse(body);
    if (checked && !checked.success) {
      setDraftError(fieldErrors(checked.error, t.validation).title ?? t.validation.invalidValue);
      return;
    }
    setDraftError(null);
    setDraft({ title: "", dueOn: "", priority: draft.priority, recognise: true });
    const refused = await add(body);
    if (refused === null) return;
    setDraft((current) => (current.title ? current : { ...current, title: typed, dueOn: draft.dueOn, recognise: draft.recognise }));
    setDraftError(refused);
  }

  // `index` is in `shown`, the list the todo is moved in.
  function moveTo(todo: TodoDto, index: number, shown: TodoDto[]) {
    const position = positionAt(
      shown.filter((existing) => existing.id !== todo.id),
      index,
    );
    if (position !== todo.position) void change(todo, { position });
  }

  function dropOn(target: TodoDto, index: number, shown: TodoDto[]) {
    const moving = todos.find((existing) => existing.id === dragged);
    if (moving && moving.id !== target.id) moveTo(moving, index, shown);
    setDragged(null);
  }

  function rows(shown: TodoDto[]) {
    return shown.map((todo, index) => (
      <TodoRow
        key={todo.id}
        t={t}
        todo={todo}
        dates={dates}
        order={
          sort === "manual"
            ? {
                index,
                count: shown.length,
                held: dragged === todo.id,
                carrying: dragged !== null,
                moveTo: (to) => moveTo(todo, to, shown),
                pickUp: () => setDragged(todo.id),
                dropHere: () => dropOn(todo, index, shown),
              }
            : null
        }
        onChange={(patch) => void change(todo, patch)}
        onRemove={() => remove(todo)}
      />
    ));
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.dashboard.todo}</h1>
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
      ) : null}
      {open.length > 0 ? (
        <ul aria-label={t.dashboard.todo} className="flex flex-col gap-2">
          {rows(open)}
        </ul>
      ) : null}
      {done.length > 0 ? (
        <div className="flex flex-col gap-2">
          <button
            type="button"
            aria-expanded={showCompleted}
            aria-controls="completed-todos"
            onClick={() => setShowCompleted(!showCompleted)}
            className="flex items-center gap-2 self-start rounded-lg px-2 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            <span aria-hidden="true" className={`inline-block transition-transform ${showCompleted ? "rotate-90" : ""}`}>
              ▸
            </span>
            {format(t.planner.completedGroup, { count: done.length })}
          </button>
          <ul id="completed-todos" hidden={!showCompleted} aria-label={t.planner.filters.done} className="flex flex-col gap-2">
            {showCompleted ? rows(done) : null}
          </ul>
        </div>
      ) : null}

      {/* After the list, where a phone's thumb is, and kept in view as the list scrolls. */}
      <Form
        onFocus={todoCreateSchema.warm}
        onSubmit={onSubmit}
        noValidate
        className="sticky bottom-0 z-20 -mx-1 flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgb(15_23_42/0.08)]"
      >
        <label htmlFor="new-todo" className="sr-only">
          {t.planner.newTodo}
        </label>
        <Input
          id="new-todo"
          value={draft.title}
          onChange={(event) => edit(event.target.value ? { title: event.target.value } : { title: "", recognise: true })}
          placeholder={t.planner.newTodoPlaceholder}
          maxLength={200}
          aria-invalid={draftError ? true : undefined}
          aria-describedby={[draftError ? "new-todo-error" : null, "new-todo-date"].filter(Boolean).join(" ")}
          className="w-full rounded-lg border border-slate-300 px-3 py-2 outline-none focus-visible:border-teal-700 focus-visible:ring-2 focus-visible:ring-teal-700/30"
        />
        <div className="flex flex-wrap items-center gap-2">
          <div id="new-todo-date" aria-live="polite" className="flex flex-wrap items-center gap-2">
            {recognised ? (
              <span className="inline-flex items-center gap-1 rounded-full bg-teal-50 py-0.5 pr-1 pl-3 text-sm font-semibold text-teal-900">
                {format(t.planner.recognisedDate, { date: dueWords(t, recognised.date, dates) })}
                <button
                  type="button"
                  onClick={() => edit({ recognise: false })}
                  aria-label={format(t.planner.removeRecognised, { date: dueWords(t, recognised.date, dates) })}
                  className="rounded-full px-1.5 text-teal-900 hover:bg-teal-100"
                >
                  ×
                </button>
              </span>
            ) : null}
            {recognised?.time ? <span className="text-xs text-slate-700">{format(t.planner.timeNotKept, { time: recognised.time })}</span> : null}
          </div>
          {recognised ? null : (
            <DueDatePicker
              t={t}
              context={dates}
              value={draft.dueOn || null}
              above
              label={draft.dueOn ? format(t.planner.dueFor, { date: dueWords(t, draft.dueOn, dates) }) : t.planner.setDue}
              onChoose={(dueOn) => edit({ dueOn: dueOn ?? "" })}
            />
          )}
          <label htmlFor="new-todo-priority" className="sr-only">
            {t.planner.priority}
          </label>
          <Select
            id="new-todo-priority"
            name="new-todo-priority"
            value={draft.priority}
            onChange={(event) => edit({ priority: oneOf(TODO_PRIORITIES, event.target.value, "MEDIUM") })}
            className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {TODO_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t.planner.priorities[priority]}
              </option>
            ))}
          </Select>
          <Button type="submit" aria-busy={adding || undefined} className="ml-auto">
            {t.planner.add}
          </Button>
        </div>
        {draftError ? (
          <p id="new-todo-error" className="text-sm text-red-700">
            {draftError}
          </p>
        ) : null}
      </Form>
    </section>
  );
}
