// What a front-end team writes with the client generated from the gateway's merged OpenAPI document: every path,
// parameter, body and answer below is checked by the TypeScript compiler against that document, and the system
// tests run it against the running suite. Prints one JSON line with what it saw.
import createClient from "openapi-fetch";
import type { components, paths } from "../target/tiercare-api";

type CustomerView = components["schemas"]["CustomerView"];
type Customer360 = components["schemas"]["Customer360"];
type Problem = components["schemas"]["Problem"];

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const baseUrl = process.env.TIERCARE_URL ?? "http://127.0.0.1:8080";
const token = process.env.TIERCARE_TOKEN;
if (!token) {
  throw new Error("TIERCARE_TOKEN is required");
}
const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

const phone = `139${String(Date.now() % 100_000_000).padStart(8, "0")}`;
const registered = await api.POST("/api/v1/customers", {
  body: { type: "INDIVIDUAL", name: "前端示例", mobilePhone: phone, city: "杭州市" },
});
if (registered.error || !registered.data?.id) {
  throw new Error(`registration failed: ${registered.response.status} ${JSON.stringify(registered.error)}`);
}
const id: string = registered.data.id;

const read = await api.GET("/api/v1/customers/{id}", { params: { path: { id } } });
const customer: CustomerView | undefined = read.data;

const picture = await api.GET("/api/v1/customer-360/{customerId}", { params: { path: { customerId: id } } });
const whole: Customer360 | undefined = picture.data;

// a client's mistake comes back typed as a problem naming the field
const refused = await api.POST("/api/v1/customers", { body: { type: "INDIVIDUAL", name: " " } });
const problem: Problem | undefined = refused.error;

console.log(JSON.stringify({
  registered: registered.response.status,
  id,
  name: customer?.name,
  city: customer?.city,
  picture: picture.response.status,
  pictureOf: whole?.customerId,
  profileName: whole?.profile.name,
  parts: whole && {
    purchases: whole.purchases.status,
    tiers: whole.tiers.status,
    complaints: whole.complaints.status,
    care: whole.care.status,
  },
  refused: refused.response.status,
  refusedContentType: refused.response.headers.get("content-type"),
  refusedFields: problem?.violations?.map((violation) => violation.field),
}));
