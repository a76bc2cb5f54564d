// A small client written against the types openapi-typescript generates from the document:
// if an operation id, a schema name or a field it uses changes, tsc fails.
import type { components, operations, paths } from "./schema";

type CareerPage =
  paths["/api/v1/careers"]["get"]["responses"][200]["content"]["application/json"];
type Career = components["schemas"]["CareerRead"];
type Problem = components["schemas"]["Problem"];
type GapIn = NonNullable<operations["compute_skill_gap"]["requestBody"]>["content"]["application/json"];
type Gap = operations["compute_skill_gap"]["responses"][200]["content"]["application/json"];
type Mention = components["schemas"]["MentionRead"];

async function read<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
  return (await response.json()) as T;
}

export async function listCareers(base: string, q: string): Promise<string[]> {
  const page = await read<CareerPage>(await fetch(`${base}/api/v1/careers?q=${q}`));
  return page.items.map((career) => career.slug);
}

export async function getCareer(base: string, slug: string): Promise<Career> {
  return read<Career>(await fetch(`${base}/api/v1/careers/${slug}`));
}

export async function skillGap(base: string, token: string, slug: string): Promise<string[]> {
  const body: GapIn = { skills: ["Python", "SQL"] };
  const response = await fetch(`${base}/api/v1/careers/${slug}/gap`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const gap = await read<Gap>(response);
  return gap.missing.map((skill) => `${skill.name} (${Math.round(skill.share * 100)}%)`);
}

export function surfaces(text: string, mentions: Mention[]): string[] {
  return mentions.map((mention) => text.slice(mention.start, mention.end));
}

export const usedOperations: (keyof operations)[] = [
  "list_careers",
  "get_career",
  "get_career_salaries",
  "extract_skills",
  "normalize_title",
  "compute_skill_gap",
  "get_learning_path",
  "add_list_item",
];
