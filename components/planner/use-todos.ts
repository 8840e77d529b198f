"use client";
import { useState } from "react";
import { useUndoableDelete } from "@/components/planner/use-undoable-delete";
import { api, NetworkError } from "@/lib/client/api";
import { firstProblem } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import type { TodoDto, TodoPriority } from "@/lib/planner/types";

export type TodoPatch = Partial<Pick<TodoDto, "title" | "dueOn" | "priority" | "completed" | "position">>;
interface NewTodo {
  title: string;
  dueOn: string | null;
  priority: TodoPriority;
}

// The todo list as the page holds it, from the server's first read (`initial`) on, and every change
// to it through the API. `message` is the last change the server refused.
export function useTodos(t: Sections<"apiErrors" | "common" | "planner">, initial: TodoDto[]) {
  const [todos, setTodos] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);

  const undoable = useUndoableDelete<TodoDto>({
    key: (todo) => todo.id,
    rowId: (todo) => todo.id,
    message: (todo) => format(t.planner.deletedNamed, { title: todo.title }),
    undoLabel: t.planner.undo,
    failed: (todo) => format(t.planner.deleteFailed, { title: todo.title }),
    async commit(todo) {
      // keepalive: the deletion may be committed as the page unloads.
      const result = await api(`/api/todos/${todo.id}`, { method: "DELETE", keepalive: true });
      if (!result.ok && result.status !== 404) return false;
      setTodos((current) => current.filter((existing) => existing.id !== todo.id));
      return true;
    },
  });

  // Optimistic: the change shows at once and is undone, with a message, if the server refuses it.
  async function change(todo: TodoDto, patch: TodoPatch) {
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

  // Several adds may be in flight at once. Resolves to null once saved, or to why it was refused.
  async function add(todo: NewTodo): Promise<string | null> {
    setAdding((count) => count + 1);
    try {
      const result = await api<{ todo: TodoDto }>("/api/todos", { method: "POST", json: todo });
      if (!result.ok) return firstProblem(t, result, { LIMIT_REACHED: t.planner.listFull });
      setTodos((current) => [...current, result.data.todo]);
      return null;
    } catch (error) {
      return error instanceof NetworkError ? t.common.networkError : t.common.genericError;
    } finally {
      setAdding((count) => count - 1);
    }
  }

  return { todos, pending: undoable.pending, message, adding: adding > 0, add, change, remove: undoable.remove };
}
