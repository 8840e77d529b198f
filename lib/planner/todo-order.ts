// Which todos a list shows and in what order: the API answers in it and the page redraws in it after
// every change, so the two cannot drift apart. Pure, with no zod, for the client's bundle.
import type { TodoDto, TodoPriority } from "@/lib/planner/types";

export const TODO_FILTERS = ["all", "active", "done", "overdue"] as const;
export const TODO_SORTS = ["manual", "due", "priority", "created"] as const;

export type TodoFilter = (typeof TODO_FILTERS)[number];
export type TodoSort = (typeof TODO_SORTS)[number];

export interface TodoView {
  filter: TodoFilter;
  sort: TodoSort;
}

export const DEFAULT_TODO_VIEW: TodoView = { filter: "all", sort: "manual" };

const PRIORITY_RANK: Record<TodoPriority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

// By code unit, not by locale: ids and ISO dates sort the same in every browser and on the server.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byPosition = (a: TodoDto, b: TodoDto) => a.position - b.position;

// `today` is the date where the user is ("YYYY-MM-DD"): overdue means due before it and not done.
export function isOverdue(todo: TodoDto, today: string): boolean {
  return !todo.completed && todo.dueOn !== null && todo.dueOn < today;
}

function matchesFilter(todo: TodoDto, filter: TodoFilter, today: string): boolean {
  if (filter === "active") return !todo.completed;
  if (filter === "done") return todo.completed;
  if (filter === "overdue") return isOverdue(todo, today);
  return true;
}

// Every order ends on the id, so two todos that tie on everything else still have one order.
const COMPARE: Record<TodoSort, (a: TodoDto, b: TodoDto) => number> = {
  manual: byPosition,
  // Undated last.
  due: (a, b) => (a.dueOn === b.dueOn ? 0 : a.dueOn === null ? 1 : b.dueOn === null ? -1 : byText(a.dueOn, b.dueOn)) || byPosition(a, b),
  priority: (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || byPosition(a, b),
  // Newest first.
  created: (a, b) => byText(b.createdAt, a.createdAt),
};

// A new array: the todos `view` shows, in its order.
export function arrangeTodos(todos: readonly TodoDto[], view: TodoView, today: string): TodoDto[] {
  const compare = COMPARE[view.sort];
  return todos.filter((todo) => matchesFilter(todo, view.filter, today)).sort((a, b) => compare(a, b) || byText(a.id, b.id));
}

// The position that puts a todo at `index` among `others` (the list as shown, without it): between
// its new neighbours, so no other todo has to move.
export function positionAt(others: readonly TodoDto[], index: number): number {
  const clamped = Math.max(0, Math.min(index, others.length));
  const before = others[clamped - 1];
  const after = others[clamped];
  return before && after ? (before.position + after.position) / 2 : before ? before.position + 1 : after ? after.position - 1 : 0;
}
