import assert from "node:assert/strict";
import { test } from "node:test";
import { arrangeTodos, isOverdue, positionAt, type TodoView } from "@/lib/planner/todo-order";
import type { TodoDto } from "@/lib/planner/types";

const TODAY = "2027-03-10";

function todo(id: string, fields: Partial<TodoDto> = {}): TodoDto {
  return { id, title: id, dueOn: null, priority: "MEDIUM", completed: false, completedAt: null, position: 1, createdAt: "2027-03-01T09:00:00.000Z", ...fields };
}

const ids = (todos: TodoDto[]) => todos.map((each) => each.id);
const arranged = (todos: TodoDto[], view: Partial<TodoView>) => ids(arrangeTodos(todos, { filter: "all", sort: "manual", ...view }, TODAY));

test("overdue is due before today and not done; due today is not overdue yet", () => {
  assert.equal(isOverdue(todo("a", { dueOn: "2027-03-09" }), TODAY), true);
  assert.equal(isOverdue(todo("a", { dueOn: TODAY }), TODAY), false);
  assert.equal(isOverdue(todo("a", { dueOn: "2027-03-09", completed: true }), TODAY), false);
  assert.equal(isOverdue(todo("a"), TODAY), false);
});

test("each filter keeps its todos, in the order the sort gives", () => {
  const list = [
    todo("done", { completed: true, completedAt: "2027-03-05T00:00:00.000Z", position: 1 }),
    todo("late", { dueOn: "2027-01-01", position: 2 }),
    todo("later", { dueOn: "2099-01-01", position: 3 }),
    todo("late-but-done", { dueOn: "2027-01-01", completed: true, position: 4 }),
  ];
  assert.deepEqual(arranged(list, { filter: "all" }), ["done", "late", "later", "late-but-done"]);
  assert.deepEqual(arranged(list, { filter: "active" }), ["late", "later"]);
  assert.deepEqual(arranged(list, { filter: "done" }), ["done", "late-but-done"]);
  assert.deepEqual(arranged(list, { filter: "overdue" }), ["late"]);
});

test("manual order is by position, then by id", () => {
  const list = [todo("c", { position: 2 }), todo("b", { position: 1.5 }), todo("a", { position: 2 }), todo("d", { position: -1 })];
  assert.deepEqual(arranged(list, { sort: "manual" }), ["d", "b", "a", "c"]);
});

test("by due date: earliest first, undated last, ties by position then id", () => {
  const list = [
    todo("undated", { position: 0 }),
    todo("march-2", { dueOn: "2027-03-02", position: 5 }),
    todo("march-1-b", { dueOn: "2027-03-01", position: 3 }),
    todo("march-1-a", { dueOn: "2027-03-01", position: 3 }),
    todo("march-1-first", { dueOn: "2027-03-01", position: 1 }),
    todo("undated-late", { position: 9 }),
  ];
  assert.deepEqual(arranged(list, { sort: "due" }), ["march-1-first", "march-1-a", "march-1-b", "march-2", "undated", "undated-late"]);
});

test("by priority: high, medium, low, ties by position then id", () => {
  const list = [
    todo("low", { priority: "LOW", position: 1 }),
    todo("medium", { priority: "MEDIUM", position: 1 }),
    todo("high-2", { priority: "HIGH", position: 2 }),
    todo("high-1b", { priority: "HIGH", position: 1 }),
    todo("high-1a", { priority: "HIGH", position: 1 }),
  ];
  assert.deepEqual(arranged(list, { sort: "priority" }), ["high-1a", "high-1b", "high-2", "medium", "low"]);
});

test("by creation: newest first, ties by id, position ignored", () => {
  const list = [
    todo("old", { createdAt: "2027-01-01T00:00:00.000Z", position: 0 }),
    todo("new-b", { createdAt: "2027-03-01T00:00:00.000Z", position: 1 }),
    todo("new-a", { createdAt: "2027-03-01T00:00:00.000Z", position: 2 }),
  ];
  assert.deepEqual(arranged(list, { sort: "created" }), ["new-a", "new-b", "old"]);
});

test("ids compare by code unit, not by locale, so every browser and the server agree", () => {
  const list = [todo("b"), todo("B"), todo("a-1"), todo("a1")];
  assert.deepEqual(arranged(list, {}), ["B", "a-1", "a1", "b"]);
});

test("the list handed in is left as it was: the page passes its own state", () => {
  const list = [todo("b", { position: 2 }), todo("a", { position: 1 })];
  assert.deepEqual(arranged(list, { sort: "manual" }), ["a", "b"]);
  assert.deepEqual(ids(list), ["b", "a"]);
});

test("a moved todo takes a position between its new neighbours, or one past the end it moved to", () => {
  const others = [todo("a", { position: 1 }), todo("b", { position: 2 }), todo("c", { position: 4 })];
  assert.equal(positionAt(others, 0), 0);
  assert.equal(positionAt(others, 1), 1.5);
  assert.equal(positionAt(others, 2), 3);
  assert.equal(positionAt(others, 3), 5);
  assert.equal(positionAt(others, -1), 0, "above the first stays first");
  assert.equal(positionAt(others, 9), 5, "below the last stays last");
  assert.equal(positionAt([], 0), 0);
});
