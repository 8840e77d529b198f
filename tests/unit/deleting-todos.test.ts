import assert from "node:assert/strict";
import { test } from "node:test";
import { deletingTodosCookie, parseDeletingTodos } from "@/lib/planner/deleting-todos";

const A = "0b6f1f6e-6a43-4c1e-9a55-3d1b7f0c2a11";
const B = "9d3e2c1b-0a4f-4e8d-b7c6-5a4b3c2d1e0f";

test("the cookie names the todos whose deletion may still be on its way, and parses back to them", () => {
  const written = deletingTodosCookie(new Set([A, B]), false);
  assert.match(written, /^deleting-todos=[^;]+; max-age=\d+; path=\/; samesite=lax$/);
  assert.deepEqual(parseDeletingTodos(written.split(";")[0]?.split("=")[1]), new Set([A, B]));
  assert.match(deletingTodosCookie(new Set([A]), true), /; secure$/);
});

test("with none left the cookie is removed", () => {
  assert.match(deletingTodosCookie(new Set(), false), /^deleting-todos=; max-age=0;/);
});

test("only ids are read from it, and only a few", () => {
  assert.deepEqual(parseDeletingTodos(undefined), new Set());
  assert.deepEqual(parseDeletingTodos(`${A}.not-an-id.${A.toUpperCase()}..${B}`), new Set([A, B]));
  const many = Array.from({ length: 50 }, (_, index) => A.slice(0, -2) + String(index).padStart(2, "0")).join(".");
  assert.equal(parseDeletingTodos(many).size, 20);
});
