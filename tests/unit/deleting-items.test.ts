import assert from "node:assert/strict";
import { test } from "node:test";
import { deletingItemsCookie, parseDeletingItems } from "@/lib/planner/deleting-items";

const A = "0b6f1f6e-6a43-4c1e-9a55-3d1b7f0c2a11";
const B = "9d3e2c1b-0a4f-4e8d-b7c6-5a4b3c2d1e0f";

test("the cookie names the items whose deletion may still be on its way, and parses back to them", () => {
  const written = deletingItemsCookie(new Set([A, B]), false);
  assert.match(written, /^deleting-items=[^;]+; max-age=\d+; path=\/; samesite=lax$/);
  assert.deepEqual(parseDeletingItems(written.split(";")[0]?.split("=")[1]), new Set([A, B]));
  assert.match(deletingItemsCookie(new Set([A]), true), /; secure$/);
});

test("with none left the cookie is removed", () => {
  assert.match(deletingItemsCookie(new Set(), false), /^deleting-items=; max-age=0;/);
});

test("only ids are read from it, and only a few", () => {
  assert.deepEqual(parseDeletingItems(undefined), new Set());
  assert.deepEqual(parseDeletingItems(`${A}.not-an-id.${A.toUpperCase()}..${B}`), new Set([A, B]));
  const many = Array.from({ length: 50 }, (_, index) => A.slice(0, -2) + String(index).padStart(2, "0")).join(".");
  assert.equal(parseDeletingItems(many).size, 20);
});
