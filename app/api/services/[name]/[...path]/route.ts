import { route, type RouteContext } from "@/lib/http/route";
import { forwardToService } from "@/lib/services/gateway";
import { serviceCallParamsSchema } from "@/lib/validations/services";

// The gateway (lib/services/gateway.ts), for every method: a signed-in session checked against
// revocation, and the same-origin check on every write, as on any other route.
const spec = { auth: "user", params: serviceCallParamsSchema } as const;
type Context = RouteContext<"user", undefined, undefined, typeof serviceCallParamsSchema>;
const forward = ({ request, user, params }: Context) => forwardToService(request, user, params);

export const GET = route(spec, forward);
export const POST = route(spec, forward);
export const PUT = route(spec, forward);
export const PATCH = route(spec, forward);
export const DELETE = route(spec, forward);
